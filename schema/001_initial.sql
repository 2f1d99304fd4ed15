-- Migration 1: the whole ledger.
--
-- Conventions
--   * Time in integer minutes, money in integer cents, rates in cents per hour, VAT and percents
--     in basis points (1 % = 100), days in hundredths (5,5 days = 550). Dates are ISO text.
--   * Every table below except `meta` and `chain_head` is append-only and tamper-evident: its
--     `id` is the row's position in the one ledger-wide chain (ids are unique across tables and
--     have no gaps), and `hash` is SHA-256(previous hash || canonical encoding of the row).
--     The encoding is documented in src/store/chain.hpp. Triggers refuse UPDATE and DELETE;
--     `ledger verify` recomputes the chain, so an edit made after dropping them is still caught.
--   * Columns are listed in canonical order: the encoding follows the table's column order.
--   * `recorded_at` (UTC, ISO 8601) and `recorded_by` (login name) say who wrote a row and when.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The chain's last link; one row.
CREATE TABLE chain_head (
  one  INTEGER PRIMARY KEY CHECK (one = 1),
  seq  INTEGER NOT NULL,
  hash BLOB NOT NULL
);
INSERT INTO chain_head VALUES (1, 0, zeroblob(32));

CREATE TABLE convention (
  id                        INTEGER PRIMARY KEY,
  ref                       TEXT NOT NULL UNIQUE,
  title                     TEXT NOT NULL,
  option                    TEXT NOT NULL CHECK (option IN ('famille', 'recouvrement')),
  nature                    TEXT NOT NULL CHECK (nature IN ('contrat_pro', 'periode_pro')),
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

CREATE TABLE beneficiary (
  id              INTEGER PRIMARY KEY,
  convention_id   INTEGER NOT NULL UNIQUE REFERENCES convention(id),
  name            TEXT NOT NULL,
  siret           TEXT NOT NULL,
  address         TEXT,
  representative  TEXT,
  title           TEXT,
  icom            TEXT,
  hash            BLOB NOT NULL
);

CREATE TABLE training_org (
  id                   INTEGER PRIMARY KEY,
  convention_id        INTEGER NOT NULL REFERENCES convention(id),
  key                  TEXT NOT NULL,
  name                 TEXT NOT NULL,
  siret                TEXT NOT NULL,
  nda                  TEXT,
  address              TEXT,
  representative       TEXT,
  title                TEXT,
  icom                 TEXT,
  vat_rate_bp          INTEGER NOT NULL,
  consolidates_grades  INTEGER NOT NULL CHECK (consolidates_grades IN (0, 1)),
  internal             INTEGER NOT NULL CHECK (internal IN (0, 1)),
  hash                 BLOB NOT NULL,
  UNIQUE (convention_id, key)
);

CREATE TABLE module (
  id                  INTEGER PRIMARY KEY,
  convention_id       INTEGER NOT NULL REFERENCES convention(id),
  code                TEXT NOT NULL,
  label               TEXT NOT NULL,
  org_id              INTEGER NOT NULL REFERENCES training_org(id),
  minutes             INTEGER NOT NULL CHECK (minutes > 0),
  training_minutes    INTEGER,
  support_minutes     INTEGER,
  evaluation_minutes  INTEGER,
  days_x100           INTEGER,
  elearning           INTEGER NOT NULL CHECK (elearning IN (0, 1)),
  place               TEXT,
  price_ht_cents      INTEGER NOT NULL CHECK (price_ht_cents >= 0),
  hash                BLOB NOT NULL,
  UNIQUE (convention_id, code)
);

CREATE TABLE trainee (
  id              INTEGER PRIMARY KEY,
  convention_id   INTEGER NOT NULL REFERENCES convention(id),
  code            TEXT NOT NULL,
  last_name       TEXT NOT NULL,
  first_name      TEXT NOT NULL,
  birth_date      TEXT,
  function        TEXT,
  contract_start  TEXT,
  contract_end    TEXT,
  weekly_minutes  INTEGER NOT NULL CHECK (weekly_minutes > 0),
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  hash            BLOB NOT NULL,
  UNIQUE (convention_id, code)
);

CREATE TABLE funding (
  id                 INTEGER PRIMARY KEY,
  convention_id      INTEGER NOT NULL REFERENCES convention(id),
  ref                TEXT NOT NULL,
  funder             TEXT NOT NULL,
  decided            TEXT,                     -- NULL while pending; see funding_decision
  hourly_rate_cents  INTEGER NOT NULL CHECK (hourly_rate_cents >= 0),
  cap_minutes        INTEGER,
  cap_cents          INTEGER,
  basis              TEXT NOT NULL CHECK (basis IN ('ht', 'ttc')),
  subrogation        INTEGER NOT NULL CHECK (subrogation IN (0, 1)),
  modules            TEXT,                     -- scope as written: codes joined by ", "; NULL: every module
  trainees           TEXT,                     -- ids joined by ", "; NULL: every trainee, later ones too
  hash               BLOB NOT NULL,
  UNIQUE (convention_id, ref)
);

-- The (trainee, module) pairs an agreement covers, spelled out; a pair has at most one agreement.
CREATE TABLE funding_scope (
  id          INTEGER PRIMARY KEY,
  funding_id  INTEGER NOT NULL REFERENCES funding(id),
  module_id   INTEGER NOT NULL REFERENCES module(id),
  trainee_id  INTEGER NOT NULL REFERENCES trainee(id),
  hash        BLOB NOT NULL,
  UNIQUE (module_id, trainee_id)
);
CREATE INDEX funding_scope_by_funding ON funding_scope (funding_id);

CREATE TABLE funding_decision (
  id           INTEGER PRIMARY KEY,
  funding_id   INTEGER NOT NULL UNIQUE REFERENCES funding(id),
  decided      TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);

CREATE TABLE session (
  id             INTEGER PRIMARY KEY,
  convention_id  INTEGER NOT NULL REFERENCES convention(id),
  module_id      INTEGER NOT NULL REFERENCES module(id),
  date           TEXT NOT NULL,
  slot           TEXT NOT NULL CHECK (slot IN ('am', 'pm')),
  minutes        INTEGER NOT NULL CHECK (minutes > 0),
  start_time     TEXT,
  end_time       TEXT,
  trainer        TEXT,
  place          TEXT,
  mode           TEXT NOT NULL CHECK (mode IN ('onsite', 'elearning')),
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  hash           BLOB NOT NULL,
  UNIQUE (module_id, date, slot)
);
CREATE INDEX session_by_convention_date ON session (convention_id, date, slot);

CREATE TABLE cancellation (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL UNIQUE REFERENCES session(id),
  by_party     TEXT NOT NULL CHECK (by_party IN ('of', 'beneficiary')),
  notified     TEXT NOT NULL,
  reason       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);

CREATE TABLE departure (
  id           INTEGER PRIMARY KEY,
  trainee_id   INTEGER NOT NULL UNIQUE REFERENCES trainee(id),
  on_date      TEXT NOT NULL,
  reason       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);

CREATE TABLE convention_cancel (
  id             INTEGER PRIMARY KEY,
  convention_id  INTEGER NOT NULL UNIQUE REFERENCES convention(id),
  by_party       TEXT NOT NULL CHECK (by_party IN ('of', 'beneficiary')),
  org_id         INTEGER REFERENCES training_org(id),  -- the renouncing OF, when by_party = 'of'
  notified       TEXT NOT NULL,
  reason         TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  hash           BLOB NOT NULL
);

-- One trainee at one half-day. A correction is a new row whose `supersedes` names the row it
-- replaces; the latest entry of a (session, trainee) is the one nothing supersedes.
CREATE TABLE attendance (
  id              INTEGER PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES session(id),
  trainee_id      INTEGER NOT NULL REFERENCES trainee(id),
  minutes         INTEGER NOT NULL CHECK (minutes >= 0),
  absence         TEXT NOT NULL CHECK (absence IN ('', 'justified', 'unjustified')),
  trainee_signed  INTEGER NOT NULL CHECK (trainee_signed IN (0, 1)),
  trainer_signed  INTEGER NOT NULL CHECK (trainer_signed IN (0, 1)),
  proof           TEXT NOT NULL,
  sheet           TEXT NOT NULL,
  supersedes      INTEGER REFERENCES attendance(id),
  reason          TEXT,
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  hash            BLOB NOT NULL
);
CREATE UNIQUE INDEX attendance_first_entry ON attendance (session_id, trainee_id) WHERE supersedes IS NULL;
CREATE UNIQUE INDEX attendance_superseded ON attendance (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE invoice (
  id              INTEGER PRIMARY KEY,
  org_id          INTEGER NOT NULL REFERENCES training_org(id),
  number          TEXT NOT NULL,
  date            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('training', 'indemnity', 'expenses')),
  module_id       INTEGER REFERENCES module(id),
  amount_ht_cents INTEGER NOT NULL CHECK (amount_ht_cents >= 0),
  vat_rate_bp     INTEGER NOT NULL CHECK (vat_rate_bp >= 0),
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  hash            BLOB NOT NULL,
  UNIQUE (org_id, number)
);

CREATE TABLE payment (
  id            INTEGER PRIMARY KEY,
  invoice_id    INTEGER NOT NULL REFERENCES invoice(id),
  date          TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  hash          BLOB NOT NULL
);
CREATE INDEX payment_by_invoice ON payment (invoice_id);

CREATE TABLE refund (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES training_org(id),
  module_id     INTEGER NOT NULL REFERENCES module(id),
  date          TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  hash          BLOB NOT NULL
);

CREATE TABLE funder_receipt (
  id            INTEGER PRIMARY KEY,
  funding_id    INTEGER NOT NULL REFERENCES funding(id),
  date          TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  hash          BLOB NOT NULL
);

-- Art. 8 grades; corrections supersede like attendance.
CREATE TABLE grade (
  id            INTEGER PRIMARY KEY,
  trainee_id    INTEGER NOT NULL REFERENCES trainee(id),
  module_id     INTEGER NOT NULL REFERENCES module(id),
  test          TEXT NOT NULL,
  score_x100    INTEGER NOT NULL CHECK (score_x100 >= 0),
  out_of_x100   INTEGER NOT NULL CHECK (out_of_x100 > 0),
  supersedes    INTEGER REFERENCES grade(id),
  reason        TEXT,
  recorded_at   TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  hash          BLOB NOT NULL,
  CHECK (score_x100 <= out_of_x100)
);
CREATE UNIQUE INDEX grade_first_entry ON grade (trainee_id, module_id, test) WHERE supersedes IS NULL;
CREATE UNIQUE INDEX grade_superseded ON grade (supersedes) WHERE supersedes IS NOT NULL;

-- The chained tables, in the order `ledger verify` reads them.
CREATE TABLE chained_table (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO chained_table VALUES
  ('convention'), ('beneficiary'), ('training_org'), ('module'), ('trainee'), ('funding'),
  ('funding_scope'), ('funding_decision'), ('session'), ('cancellation'), ('departure'),
  ('convention_cancel'), ('attendance'), ('invoice'), ('payment'), ('refund'),
  ('funder_receipt'), ('grade');

-- Append-only: no row of a chained table is ever changed or removed.
CREATE TRIGGER convention_no_update BEFORE UPDATE ON convention BEGIN SELECT RAISE(ABORT, 'convention is append-only: record a correction instead'); END;
CREATE TRIGGER convention_no_delete BEFORE DELETE ON convention BEGIN SELECT RAISE(ABORT, 'convention is append-only: record a correction instead'); END;
CREATE TRIGGER beneficiary_no_update BEFORE UPDATE ON beneficiary BEGIN SELECT RAISE(ABORT, 'beneficiary is append-only: record a correction instead'); END;
CREATE TRIGGER beneficiary_no_delete BEFORE DELETE ON beneficiary BEGIN SELECT RAISE(ABORT, 'beneficiary is append-only: record a correction instead'); END;
CREATE TRIGGER training_org_no_update BEFORE UPDATE ON training_org BEGIN SELECT RAISE(ABORT, 'training_org is append-only: record a correction instead'); END;
CREATE TRIGGER training_org_no_delete BEFORE DELETE ON training_org BEGIN SELECT RAISE(ABORT, 'training_org is append-only: record a correction instead'); END;
CREATE TRIGGER module_no_update BEFORE UPDATE ON module BEGIN SELECT RAISE(ABORT, 'module is append-only: record a correction instead'); END;
CREATE TRIGGER module_no_delete BEFORE DELETE ON module BEGIN SELECT RAISE(ABORT, 'module is append-only: record a correction instead'); END;
CREATE TRIGGER trainee_no_update BEFORE UPDATE ON trainee BEGIN SELECT RAISE(ABORT, 'trainee is append-only: record a correction instead'); END;
CREATE TRIGGER trainee_no_delete BEFORE DELETE ON trainee BEGIN SELECT RAISE(ABORT, 'trainee is append-only: record a correction instead'); END;
CREATE TRIGGER funding_no_update BEFORE UPDATE ON funding BEGIN SELECT RAISE(ABORT, 'funding is append-only: record a correction instead'); END;
CREATE TRIGGER funding_no_delete BEFORE DELETE ON funding BEGIN SELECT RAISE(ABORT, 'funding is append-only: record a correction instead'); END;
CREATE TRIGGER funding_scope_no_update BEFORE UPDATE ON funding_scope BEGIN SELECT RAISE(ABORT, 'funding_scope is append-only: record a correction instead'); END;
CREATE TRIGGER funding_scope_no_delete BEFORE DELETE ON funding_scope BEGIN SELECT RAISE(ABORT, 'funding_scope is append-only: record a correction instead'); END;
CREATE TRIGGER funding_decision_no_update BEFORE UPDATE ON funding_decision BEGIN SELECT RAISE(ABORT, 'funding_decision is append-only: record a correction instead'); END;
CREATE TRIGGER funding_decision_no_delete BEFORE DELETE ON funding_decision BEGIN SELECT RAISE(ABORT, 'funding_decision is append-only: record a correction instead'); END;
CREATE TRIGGER session_no_update BEFORE UPDATE ON session BEGIN SELECT RAISE(ABORT, 'session is append-only: record a correction instead'); END;
CREATE TRIGGER session_no_delete BEFORE DELETE ON session BEGIN SELECT RAISE(ABORT, 'session is append-only: record a correction instead'); END;
CREATE TRIGGER cancellation_no_update BEFORE UPDATE ON cancellation BEGIN SELECT RAISE(ABORT, 'cancellation is append-only: record a correction instead'); END;
CREATE TRIGGER cancellation_no_delete BEFORE DELETE ON cancellation BEGIN SELECT RAISE(ABORT, 'cancellation is append-only: record a correction instead'); END;
CREATE TRIGGER departure_no_update BEFORE UPDATE ON departure BEGIN SELECT RAISE(ABORT, 'departure is append-only: record a correction instead'); END;
CREATE TRIGGER departure_no_delete BEFORE DELETE ON departure BEGIN SELECT RAISE(ABORT, 'departure is append-only: record a correction instead'); END;
CREATE TRIGGER convention_cancel_no_update BEFORE UPDATE ON convention_cancel BEGIN SELECT RAISE(ABORT, 'convention_cancel is append-only: record a correction instead'); END;
CREATE TRIGGER convention_cancel_no_delete BEFORE DELETE ON convention_cancel BEGIN SELECT RAISE(ABORT, 'convention_cancel is append-only: record a correction instead'); END;
CREATE TRIGGER attendance_no_update BEFORE UPDATE ON attendance BEGIN SELECT RAISE(ABORT, 'attendance is append-only: record a correction instead'); END;
CREATE TRIGGER attendance_no_delete BEFORE DELETE ON attendance BEGIN SELECT RAISE(ABORT, 'attendance is append-only: record a correction instead'); END;
CREATE TRIGGER invoice_no_update BEFORE UPDATE ON invoice BEGIN SELECT RAISE(ABORT, 'invoice is append-only: record a correction instead'); END;
CREATE TRIGGER invoice_no_delete BEFORE DELETE ON invoice BEGIN SELECT RAISE(ABORT, 'invoice is append-only: record a correction instead'); END;
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment BEGIN SELECT RAISE(ABORT, 'payment is append-only: record a correction instead'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment BEGIN SELECT RAISE(ABORT, 'payment is append-only: record a correction instead'); END;
CREATE TRIGGER refund_no_update BEFORE UPDATE ON refund BEGIN SELECT RAISE(ABORT, 'refund is append-only: record a correction instead'); END;
CREATE TRIGGER refund_no_delete BEFORE DELETE ON refund BEGIN SELECT RAISE(ABORT, 'refund is append-only: record a correction instead'); END;
CREATE TRIGGER funder_receipt_no_update BEFORE UPDATE ON funder_receipt BEGIN SELECT RAISE(ABORT, 'funder_receipt is append-only: record a correction instead'); END;
CREATE TRIGGER funder_receipt_no_delete BEFORE DELETE ON funder_receipt BEGIN SELECT RAISE(ABORT, 'funder_receipt is append-only: record a correction instead'); END;
CREATE TRIGGER grade_no_update BEFORE UPDATE ON grade BEGIN SELECT RAISE(ABORT, 'grade is append-only: record a correction instead'); END;
CREATE TRIGGER grade_no_delete BEFORE DELETE ON grade BEGIN SELECT RAISE(ABORT, 'grade is append-only: record a correction instead'); END;
