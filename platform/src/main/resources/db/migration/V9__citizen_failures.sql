-- Citizens whose work failed on their own data, recorded once with the cause instead of failing
-- (and retrying) the work of others; gone with the citizen's space when it is purged.
--
-- A sweep isolates a citizen it cannot read, evaluate or reconcile: the rest of the chunk is swept,
-- and the citizen is counted in sweep.citizens_failed and listed here.
CREATE TABLE sweep_failure
(
  sweep_id   BIGINT      NOT NULL REFERENCES sweep (id) ON DELETE CASCADE,
  chunk      INTEGER     NOT NULL,
  citizen_id UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  cause      TEXT        NOT NULL,
  failed_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (sweep_id, citizen_id)
);

-- A re-evaluation that can never succeed (the stored data breaks the engine or the store): its
-- event is completed, not handed back at every start, and the failure is kept here.
CREATE TABLE reevaluation_failure
(
  id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  citizen_id UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  reason     TEXT        NOT NULL,
  cause      TEXT        NOT NULL,
  failed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX reevaluation_failure_by_citizen_idx ON reevaluation_failure (citizen_id, failed_at);
