-- A digest of each recommendation's explanation (rule, rule set, due-by date, reasons, data used),
-- so that a sweep finds out whether an explanation changed without reading and parsing it.
-- Rows stored before have 0, which matches no digest: their next reconciliation rewrites their
-- explanation once, with its digest.
ALTER TABLE recommendation ADD COLUMN explanation BIGINT NOT NULL DEFAULT 0;
