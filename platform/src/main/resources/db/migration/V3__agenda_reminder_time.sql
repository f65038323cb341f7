-- A reminder is due at a time of day (seed 000 §VIII.4: notified "at the time of the reminder"),
-- not only on a date. Existing reminders are kept, due at 09:00 Paris time on their date.
ALTER TABLE agenda_reminder ADD COLUMN due_at TIMESTAMPTZ;
UPDATE agenda_reminder SET due_at = (due_on + TIME '09:00') AT TIME ZONE 'Europe/Paris';
ALTER TABLE agenda_reminder ALTER COLUMN due_at SET NOT NULL;
DROP INDEX agenda_reminder_by_citizen_idx;
ALTER TABLE agenda_reminder DROP COLUMN due_on;
CREATE INDEX agenda_reminder_by_citizen_idx ON agenda_reminder (citizen_id, due_at);
-- the reminders coming due, for the reminder job
CREATE INDEX agenda_reminder_by_due_at_idx ON agenda_reminder (due_at);
