-- The citizen space: identity and account lifecycle, representatives, facts of every type of the
-- evaluation contract, the holder's choices, push devices and the immutable trace (P9).
-- Enumerations that the contract says are extendable (vaccines, act kinds, ...) are stored as text
-- without a CHECK; the closed ones (account status, source, pathway, consent) are checked here.

CREATE TABLE citizen
(
  id                   UUID        NOT NULL PRIMARY KEY,
  -- the identifier the insurer's referential knows the person by: ingestion is idempotent on it
  external_id          TEXT        NOT NULL UNIQUE,
  birth_date           DATE        NOT NULL,
  sex                  TEXT        NOT NULL CHECK (sex IN ('F', 'M')),
  account_status       TEXT        NOT NULL
    CHECK (account_status IN ('NOT_CREATED', 'OPEN', 'OPPOSED', 'ACTIVATED', 'CLOSED', 'DECEASED')),
  -- when the creation notice was sent: the 6-week opposition delay runs from it
  creation_notified_at TIMESTAMPTZ,
  status_changed_at    TIMESTAMPTZ NOT NULL,
  closed_at            TIMESTAMPTZ,
  deletion_requested   BOOLEAN     NOT NULL DEFAULT FALSE,
  -- contact channels the insurer knows (digest for holders without an account)
  contact_email        TEXT,
  contact_phone        TEXT,
  prevention_opt_out   BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at           TIMESTAMPTZ NOT NULL,
  updated_at           TIMESTAMPTZ NOT NULL,
  CHECK (account_status <> 'CLOSED' OR closed_at IS NOT NULL)
);
CREATE INDEX citizen_closed_idx ON citizen (closed_at) WHERE account_status = 'CLOSED';

-- Legal representatives of a minor (slots 1 and 2: at most two per space; their access ends on
-- the minor's 18th birthday, ends_on) and the representative of a protected adult (slot 1 only).
CREATE TABLE representative
(
  id                UUID        NOT NULL PRIMARY KEY,
  citizen_id        UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  kind              TEXT        NOT NULL CHECK (kind IN ('LEGAL_REPRESENTATIVE', 'PROTECTED_ADULT_REPRESENTATIVE')),
  slot              SMALLINT    NOT NULL CHECK (slot IN (1, 2)),
  -- who the representative is, as an actor id (they act in their own name)
  representative_id TEXT        NOT NULL,
  since             DATE        NOT NULL,
  ends_on           DATE,
  created_at        TIMESTAMPTZ NOT NULL,
  UNIQUE (citizen_id, kind, slot),
  UNIQUE (citizen_id, representative_id),
  CHECK (kind = 'LEGAL_REPRESENTATIVE' OR slot = 1)
);
CREATE INDEX representative_by_representative_idx ON representative (representative_id);

-- Facts. Every table has the same provenance columns: source, author (the actor who wrote it),
-- hidden_from_representatives (a minor's secret), created_at, updated_at.
CREATE TABLE condition
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  code                        TEXT        NOT NULL,
  since                       DATE,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX condition_by_citizen_idx ON condition (citizen_id);

CREATE TABLE treatment
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  code                        TEXT        NOT NULL,
  since                       DATE,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX treatment_by_citizen_idx ON treatment (citizen_id);

-- the current pregnancy: at most one per citizen
CREATE TABLE pregnancy
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL UNIQUE REFERENCES citizen (id) ON DELETE CASCADE,
  start                       DATE        NOT NULL,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);

CREATE TABLE vaccination
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  vaccine                     TEXT        NOT NULL,
  date                        DATE        NOT NULL,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX vaccination_by_citizen_idx ON vaccination (citizen_id);

-- reimbursed acts: a kind, or a CCAM/NABM code mapped through the terminology at evaluation
CREATE TABLE act
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  kind                        TEXT,
  date                        DATE        NOT NULL,
  code                        TEXT,
  system                      TEXT CHECK (system IN ('CCAM', 'NABM')),
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL,
  CHECK (kind IS NOT NULL OR (code IS NOT NULL AND system IS NOT NULL))
);
CREATE INDEX act_by_citizen_idx ON act (citizen_id);

CREATE TABLE measure
(
  id                          UUID             NOT NULL PRIMARY KEY,
  citizen_id                  UUID             NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  kind                        TEXT             NOT NULL,
  value                       DOUBLE PRECISION NOT NULL,
  date                        DATE             NOT NULL,
  source                      TEXT             NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT             NOT NULL,
  hidden_from_representatives BOOLEAN          NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ      NOT NULL,
  updated_at                  TIMESTAMPTZ      NOT NULL
);
CREATE INDEX measure_by_citizen_idx ON measure (citizen_id);

CREATE TABLE family_history
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  code                        TEXT        NOT NULL,
  relation                    TEXT,
  age_at_diagnosis            INTEGER CHECK (age_at_diagnosis >= 0),
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX family_history_by_citizen_idx ON family_history (citizen_id);

-- DMP document metadata only, never content
CREATE TABLE document
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  type                        TEXT        NOT NULL,
  date                        DATE        NOT NULL,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX document_by_citizen_idx ON document (citizen_id);

CREATE TABLE appointment
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  kind                        TEXT        NOT NULL,
  date                        DATE        NOT NULL,
  status                      TEXT        NOT NULL,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX appointment_by_citizen_idx ON appointment (citizen_id);

-- agenda reminders ("rappels"): not part of the evaluation contract; a reminder is notified when due
CREATE TABLE agenda_reminder
(
  id                          UUID        NOT NULL PRIMARY KEY,
  citizen_id                  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  title                       TEXT        NOT NULL,
  due_on                      DATE        NOT NULL,
  source                      TEXT        NOT NULL CHECK (source IN ('SELF', 'PROFESSIONAL', 'REIMBURSEMENT_HISTORY', 'INSURER', 'APP', 'AGENDA')),
  author                      TEXT        NOT NULL,
  hidden_from_representatives BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at                  TIMESTAMPTZ NOT NULL,
  updated_at                  TIMESTAMPTZ NOT NULL
);
CREATE INDEX agenda_reminder_by_citizen_idx ON agenda_reminder (citizen_id, due_on);

-- Choices. The current opt-out is citizen.prevention_opt_out; every change is kept here.
CREATE TABLE prevention_opt_out_change
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  citizen_id UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  opted_out  BOOLEAN     NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL,
  changed_by TEXT        NOT NULL
);
CREATE INDEX prevention_opt_out_change_by_citizen_idx ON prevention_opt_out_change (citizen_id, changed_at);

-- insurer-data consent per pathway: the current answer (no row: NOT_ASKED) and every change
CREATE TABLE insurer_consent
(
  citizen_id UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  pathway    TEXT        NOT NULL CHECK (pathway IN ('SCREENING', 'CHRONIC_CONDITIONS', 'PREGNANCY')),
  consent    TEXT        NOT NULL CHECK (consent IN ('GRANTED', 'REFUSED', 'NOT_ASKED')),
  changed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (citizen_id, pathway)
);

CREATE TABLE insurer_consent_change
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  citizen_id UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  pathway    TEXT        NOT NULL CHECK (pathway IN ('SCREENING', 'CHRONIC_CONDITIONS', 'PREGNANCY')),
  consent    TEXT        NOT NULL CHECK (consent IN ('GRANTED', 'REFUSED', 'NOT_ASKED')),
  changed_at TIMESTAMPTZ NOT NULL,
  changed_by TEXT        NOT NULL
);
CREATE INDEX insurer_consent_change_by_citizen_idx ON insurer_consent_change (citizen_id, changed_at);

-- optional notifications, per category and channel; no row: on (the default)
CREATE TABLE notification_preference
(
  citizen_id UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  category   TEXT        NOT NULL CHECK (category IN ('EXAMS_VACCINATIONS', 'CANCER_SCREENING')),
  channel    TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'PUSH')),
  enabled    BOOLEAN     NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (citizen_id, category, channel)
);

CREATE TABLE push_device
(
  token         TEXT        NOT NULL PRIMARY KEY,
  citizen_id    UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  registered_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX push_device_by_citizen_idx ON push_device (citizen_id);

-- The trace (P9): who (actor), on whose behalf (the citizen whose space it is), when, what, why.
-- Append-only: UPDATE and TRUNCATE are always refused, DELETE too except by the retention purge,
-- which sets vigie.retention_purge for its own transaction.
CREATE TABLE trace
(
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor_kind  TEXT        NOT NULL CHECK (actor_kind IN ('HOLDER', 'REPRESENTATIVE', 'INGESTION', 'ENGINE', 'OPERATOR')),
  actor_id    TEXT        NOT NULL,
  citizen_id  UUID        NOT NULL,
  action      TEXT        NOT NULL,
  reason      TEXT        NOT NULL
);
CREATE INDEX trace_by_citizen_idx ON trace (citizen_id, occurred_at);

CREATE FUNCTION trace_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('vigie.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the trace is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER trace_refuses_update_and_delete
  BEFORE UPDATE OR DELETE ON trace
  FOR EACH ROW EXECUTE FUNCTION trace_is_append_only();

CREATE TRIGGER trace_refuses_truncate
  BEFORE TRUNCATE ON trace
  FOR EACH STATEMENT EXECUTE FUNCTION trace_is_append_only();
