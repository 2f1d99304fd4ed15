-- Migration 11: amendments (avenants, `convention amend`). New chained tables: the imported
-- convention's rows keep their encoding and hashes, so an existing ledger verifies.
--
-- Version 1 of a convention is its import; avenant n° k makes version k + 1. An amendment row
-- restates the terms an avenant may change for the whole convention (`ends` and every clause,
-- NULL where the clause is not given), a module_amendment row the hours and price of a module
-- it changes; modules, trainees and agreements it adds are ordinary rows of their tables, written
-- after the amendment row. amendment_change lists what changed, as the file writes it.
CREATE TABLE convention_amendment (
  id                        INTEGER PRIMARY KEY,
  convention_id             INTEGER NOT NULL REFERENCES convention(id),
  version                   INTEGER NOT NULL CHECK (version >= 2),
  reason                    TEXT NOT NULL,
  ends                      TEXT NOT NULL,
  beneficiary_notice_days   INTEGER,
  beneficiary_percent_bp    INTEGER,
  beneficiary_amount_cents  INTEGER,
  of_notice_days            INTEGER,
  of_percent_bp             INTEGER,
  of_amount_cents           INTEGER,
  partial_percent_bp        INTEGER,
  partial_amount_cents      INTEGER,
  source                    TEXT NOT NULL,  -- the amendment's TOML file, byte for byte
  recorded_at               TEXT NOT NULL,
  recorded_by               TEXT NOT NULL,
  hash                      BLOB NOT NULL,
  UNIQUE (convention_id, version)
);

CREATE TABLE module_amendment (
  id                  INTEGER PRIMARY KEY,
  amendment_id        INTEGER NOT NULL REFERENCES convention_amendment(id),
  module_id           INTEGER NOT NULL REFERENCES module(id),
  minutes             INTEGER NOT NULL CHECK (minutes > 0),
  training_minutes    INTEGER,
  support_minutes     INTEGER,
  evaluation_minutes  INTEGER,
  days_x100           INTEGER,
  price_ht_cents      INTEGER NOT NULL CHECK (price_ht_cents >= 0),
  hash                BLOB NOT NULL,
  UNIQUE (amendment_id, module_id)
);
CREATE INDEX module_amendment_by_module ON module_amendment (module_id);

-- One line per difference: `field` as the file names it (`convention.ends`,
-- `module[PREMSS].price_ht`, `trainee[T07]` for an addition), the values as written (TOML).
CREATE TABLE amendment_change (
  id            INTEGER PRIMARY KEY,
  amendment_id  INTEGER NOT NULL REFERENCES convention_amendment(id),
  field         TEXT NOT NULL,
  old_value     TEXT NOT NULL,
  new_value     TEXT NOT NULL,
  hash          BLOB NOT NULL
);
CREATE INDEX amendment_change_by_amendment ON amendment_change (amendment_id);

INSERT INTO chained_table VALUES ('convention_amendment'), ('module_amendment'), ('amendment_change');
CREATE TRIGGER convention_amendment_no_update BEFORE UPDATE ON convention_amendment BEGIN SELECT RAISE(ABORT, 'convention_amendment is append-only: record a new amendment instead'); END;
CREATE TRIGGER convention_amendment_no_delete BEFORE DELETE ON convention_amendment BEGIN SELECT RAISE(ABORT, 'convention_amendment is append-only: record a new amendment instead'); END;
CREATE TRIGGER module_amendment_no_update BEFORE UPDATE ON module_amendment BEGIN SELECT RAISE(ABORT, 'module_amendment is append-only: record a new amendment instead'); END;
CREATE TRIGGER module_amendment_no_delete BEFORE DELETE ON module_amendment BEGIN SELECT RAISE(ABORT, 'module_amendment is append-only: record a new amendment instead'); END;
CREATE TRIGGER amendment_change_no_update BEFORE UPDATE ON amendment_change BEGIN SELECT RAISE(ABORT, 'amendment_change is append-only: record a new amendment instead'); END;
CREATE TRIGGER amendment_change_no_delete BEFORE DELETE ON amendment_change BEGIN SELECT RAISE(ABORT, 'amendment_change is append-only: record a new amendment instead'); END;

-- Every version of every convention with its terms. `next_id` is the chain id of the next
-- amendment (NULL for the latest version): a row of the convention with an id below it existed
-- in this version.
CREATE VIEW convention_version AS
SELECT c.id AS convention_id, 1 AS version, NULL AS amendment_id, NULL AS reason, c.ends,
       c.beneficiary_notice_days, c.beneficiary_percent_bp, c.beneficiary_amount_cents,
       c.of_notice_days, c.of_percent_bp, c.of_amount_cents, c.partial_percent_bp, c.partial_amount_cents,
       c.recorded_at, c.recorded_by,
       (SELECT min(n.id) FROM convention_amendment n WHERE n.convention_id = c.id) AS next_id
FROM convention c
UNION ALL
SELECT a.convention_id, a.version, a.id, a.reason, a.ends,
       a.beneficiary_notice_days, a.beneficiary_percent_bp, a.beneficiary_amount_cents,
       a.of_notice_days, a.of_percent_bp, a.of_amount_cents, a.partial_percent_bp, a.partial_amount_cents,
       a.recorded_at, a.recorded_by,
       (SELECT min(n.id) FROM convention_amendment n WHERE n.convention_id = a.convention_id AND n.id > a.id)
FROM convention_amendment a;

-- The convention as its latest version has it (DESIGN section 5: every figure uses it), with the
-- columns of `convention`; `version` and `amended_on` (the latest avenant's recording date) added.
CREATE VIEW convention_terms AS
SELECT c.id, c.ref, c.title, c.option, c.nature, c.starts, v.ends, c.max_training_share_bp, c.signed_place, c.signed_on,
       v.beneficiary_notice_days, v.beneficiary_percent_bp, v.beneficiary_amount_cents,
       v.of_notice_days, v.of_percent_bp, v.of_amount_cents, v.partial_percent_bp, v.partial_amount_cents,
       c.source, c.recorded_at, c.recorded_by, v.version,
       CASE WHEN v.version > 1 THEN substr(v.recorded_at, 1, 10) END AS amended_on
FROM convention c JOIN convention_version v ON v.convention_id = c.id AND v.next_id IS NULL;

-- Every module in every version of its convention it belongs to, with that version's hours and
-- price (the latest module_amendment of a version up to it, else the module's own row).
CREATE VIEW module_version AS
SELECT m.id, m.convention_id, m.code, m.label, m.org_id,
       CASE WHEN x.id IS NULL THEN m.minutes ELSE x.minutes END AS minutes,
       CASE WHEN x.id IS NULL THEN m.training_minutes ELSE x.training_minutes END AS training_minutes,
       CASE WHEN x.id IS NULL THEN m.support_minutes ELSE x.support_minutes END AS support_minutes,
       CASE WHEN x.id IS NULL THEN m.evaluation_minutes ELSE x.evaluation_minutes END AS evaluation_minutes,
       CASE WHEN x.id IS NULL THEN m.days_x100 ELSE x.days_x100 END AS days_x100,
       m.elearning, m.place,
       CASE WHEN x.id IS NULL THEN m.price_ht_cents ELSE x.price_ht_cents END AS price_ht_cents,
       v.version, v.next_id IS NULL AS latest
FROM module m
JOIN convention_version v ON v.convention_id = m.convention_id AND (v.next_id IS NULL OR m.id < v.next_id)
LEFT JOIN module_amendment x ON x.id = (SELECT max(ma.id) FROM module_amendment ma
                                        JOIN convention_amendment a ON a.id = ma.amendment_id
                                        WHERE ma.module_id = m.id AND a.version <= v.version);

-- The modules with the latest version's hours and prices, with the columns of `module`.
CREATE VIEW module_terms AS
SELECT id, convention_id, code, label, org_id, minutes, training_minutes, support_minutes, evaluation_minutes,
       days_x100, elearning, place, price_ht_cents
FROM module_version WHERE latest;
