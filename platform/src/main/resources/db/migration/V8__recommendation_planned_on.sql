-- The date of the appointment booked in the agenda for a recommendation (the campaign's bookedBy),
-- null when none is: a planned recommendation reads « Rendez-vous prévu le … » and is notified of
-- nothing until that date has passed. Part of the explanation's digest: rows stored before are
-- rewritten at their next reconciliation.
ALTER TABLE recommendation ADD COLUMN planned_on DATE;
