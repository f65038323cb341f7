-- Notification delivery: the transactional outbox and the in-app notification centre.
--
-- delivery: one row per notification to send (citizen, what it is about, channel, occurrence), with
-- an idempotency key that makes planning it twice a no-op and travels with the message (e-mail
-- Message-ID, push header) so a receiver can recognise a resend. Status: QUEUED (waiting for its
-- next_attempt_at), FAILED (an attempt failed; retried at next_attempt_at), SENT, DEAD (gave up after
-- the bounded number of attempts, or refused for good), CANCELLED (no longer to be sent: opt-out,
-- closed recommendation, preference switched off, address invalid, ...). A claimed row keeps its
-- status and has its next_attempt_at pushed by a lease: a node that dies mid-send leaves it to be
-- claimed again once the lease is over.
CREATE TABLE delivery
(
  id                UUID        NOT NULL PRIMARY KEY,
  idempotency_key   TEXT        NOT NULL UNIQUE,
  citizen_id        UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  kind              TEXT        NOT NULL CHECK (kind IN ('RECOMMENDATION', 'MANDATORY', 'AGENDA_REMINDER', 'DIGEST')),
  -- the preference category of a recommendation's notification; null for the other kinds
  category          TEXT CHECK (category IN ('EXAMS_VACCINATIONS', 'CANCER_SCREENING')),
  channel           TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'PUSH', 'IN_APP')),
  recommendation_id UUID REFERENCES recommendation (id) ON DELETE CASCADE,
  -- MANDATORY: the MandatoryNotification; AGENDA_REMINDER: REMINDER or APPOINTMENT
  subject           TEXT,
  -- AGENDA_REMINDER: the reminder's or the appointment's id
  subject_id        UUID,
  -- which occurrence of the subject: '1' for a recommendation, the reminder's time, the appointment's
  -- date, the digest's day, the caller's reference of a mandatory notification
  occurrence        TEXT        NOT NULL,
  status            TEXT        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'DEAD', 'CANCELLED')),
  attempts          INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at   TIMESTAMPTZ NOT NULL,
  last_error        TEXT,
  -- the idempotency key of the message that carried it (several notifications of one citizen sent
  -- together travel in one message); counted by the frequency cap
  message_key       TEXT,
  created_at        TIMESTAMPTZ NOT NULL,
  updated_at        TIMESTAMPTZ NOT NULL,
  sent_at           TIMESTAMPTZ,
  CHECK (kind <> 'RECOMMENDATION' OR (recommendation_id IS NOT NULL AND category IS NOT NULL)),
  CHECK (status <> 'SENT' OR sent_at IS NOT NULL)
);
-- what the dispatcher claims: due rows still to send
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('QUEUED', 'FAILED');
-- cancelling the pending deliveries of closed recommendations, of a citizen who opted out
CREATE INDEX delivery_pending_by_recommendation_idx ON delivery (recommendation_id) WHERE status IN ('QUEUED', 'FAILED');
CREATE INDEX delivery_by_citizen_idx ON delivery (citizen_id, created_at);
-- the frequency cap: what was sent to a citizen lately
CREATE INDEX delivery_sent_by_citizen_idx ON delivery (citizen_id, sent_at) WHERE status = 'SENT';

-- The in-app notification centre: one notification per IN_APP delivery (UNIQUE delivery_id: a
-- delivery sent again after a crash adds nothing), read by the holder through the citizen API.
CREATE TABLE notification
(
  id          UUID        NOT NULL PRIMARY KEY,
  delivery_id UUID        NOT NULL UNIQUE REFERENCES delivery (id) ON DELETE CASCADE,
  citizen_id  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  kind        TEXT        NOT NULL,
  title       TEXT        NOT NULL,
  text        TEXT        NOT NULL,
  link        TEXT        NOT NULL,
  -- it comes from personalised prevention (P5): the centre says so
  personalised_prevention BOOLEAN NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  read_at     TIMESTAMPTZ
);
CREATE INDEX notification_by_citizen_idx ON notification (citizen_id, created_at DESC);
