-- What the engine recommended to each stored citizen, with its explanation (P5) and lifecycle:
-- OPEN -> NOTIFIED -> SEEN, then COMPLETED (the act or vaccination later seen in the facts),
-- EXPIRED (its due-by date passed) or WITHDRAWN (opt-out, consent withdrawn, closure, death).
-- One row per citizen, recommendation key and due period: a recommendation is never created twice.
CREATE TABLE recommendation
(
  id          UUID        NOT NULL PRIMARY KEY,
  citizen_id  UUID        NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
  key         TEXT        NOT NULL,
  campaign    TEXT        NOT NULL,
  rule        TEXT        NOT NULL,
  rule_set    TEXT        NOT NULL,
  due_from    DATE        NOT NULL,
  due_by      DATE,
  reasons     JSONB       NOT NULL,
  data_used   JSONB       NOT NULL,
  status      TEXT        NOT NULL CHECK (status IN ('OPEN', 'NOTIFIED', 'SEEN', 'COMPLETED', 'EXPIRED', 'WITHDRAWN')),
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL,
  closed_at   TIMESTAMPTZ,
  UNIQUE (citizen_id, key, due_from)
);
-- the active recommendations of a citizen, read at every re-evaluation
CREATE INDEX recommendation_active_idx ON recommendation (citizen_id) WHERE status IN ('OPEN', 'NOTIFIED', 'SEEN');
CREATE INDEX recommendation_by_key_idx ON recommendation (key, status);
