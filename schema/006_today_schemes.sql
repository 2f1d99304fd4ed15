-- Migration 6: today's schemes (`convention.nature`). The loi du 5 septembre 2018 replaced the
-- période de professionnalisation by Pro-A on 1 January 2019, and the loi n° 2025-989 du
-- 24 octobre 2025 replaced Pro-A by the période de reconversion on 1 January 2026; the plan de
-- développement des compétences is accepted too. `periode_pro` stays allowed: old ledgers hold it.
-- SQLite cannot change a CHECK in place, so the table is rebuilt with the same columns in the same
-- order: rows, ids and hashes are copied unchanged (the chain covers the rows, not the schema).
-- Other tables refer to convention(id), and a migration runs in one transaction with foreign keys
-- on: the references are checked at commit (defer_foreign_keys), once every row is back under its id.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE convention_copy AS SELECT * FROM convention;
-- Dropping a table drops its triggers first: no append-only trigger fires.
DROP TABLE convention;
CREATE TABLE convention (
  id                        INTEGER PRIMARY KEY,
  ref                       TEXT NOT NULL UNIQUE,
  title                     TEXT NOT NULL,
  option                    TEXT NOT NULL CHECK (option IN ('famille', 'recouvrement')),
  nature                    TEXT NOT NULL CHECK (nature IN ('contrat_pro', 'periode_pro', 'pro_a', 'periode_reconversion', 'plan')),
  starts                    TEXT NOT NULL,
  ends                      TEXT NOT NULL,
  max_training_share_bp     INTEGER NOT NULL,
  signed_place              TEXT,
  signed_on                 TEXT,
  beneficiary_notice_days   INTEGER,
  beneficiary_percent_bp    INTEGER,
  beneficiary_amount_cents  INTEGER,
  of_notice_days            INTEGER,
  of_percent_bp             INTEGER,
  of_amount_cents           INTEGER,
  partial_percent_bp        INTEGER,
  partial_amount_cents      INTEGER,
  source                    TEXT NOT NULL,  -- the imported TOML file, byte for byte
  recorded_at               TEXT NOT NULL,
  recorded_by               TEXT NOT NULL,
  hash                      BLOB NOT NULL,
  CHECK (starts <= ends)
);
INSERT INTO convention SELECT * FROM temp.convention_copy ORDER BY id;
DROP TABLE temp.convention_copy;
CREATE TRIGGER convention_no_update BEFORE UPDATE ON convention BEGIN SELECT RAISE(ABORT, 'convention is append-only: record a correction instead'); END;
CREATE TRIGGER convention_no_delete BEFORE DELETE ON convention BEGIN SELECT RAISE(ABORT, 'convention is append-only: record a correction instead'); END;
