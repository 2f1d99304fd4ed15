-- Migration 3: national scale (a million entries, issue 5).
-- The attendance table is rebuilt for bulk imports. Rows, ids and hashes are copied unchanged: the
-- chain covers the rows, not the schema.
-- * `absence IN ('', 'justified', 'unjustified')` made SQLite build a temporary index for every
--   row inserted (it does so for an IN list of three constants or more): the same rule is now
--   spelled with OR.
-- * One unique index on (session_id, trainee_id, ifnull(supersedes, 0)) does the work of the
--   partial unique index on first entries and of migration 2's report index: one index written
--   per entry instead of two. A first entry (supersedes NULL, so 0) is still one per trainee and
--   half-day; a correction is keyed by the entry it replaces.
-- `supersedes` names the new table, so that dropping the old one finds no row referring to it;
-- the rename makes it `attendance(id)`.
CREATE TABLE attendance_new (
  id              INTEGER PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES session(id),
  trainee_id      INTEGER NOT NULL REFERENCES trainee(id),
  minutes         INTEGER NOT NULL CHECK (minutes >= 0),
  absence         TEXT NOT NULL CHECK (absence = '' OR absence = 'justified' OR absence = 'unjustified'),
  trainee_signed  INTEGER NOT NULL CHECK (trainee_signed IN (0, 1)),
  trainer_signed  INTEGER NOT NULL CHECK (trainer_signed IN (0, 1)),
  proof           TEXT NOT NULL,
  sheet           TEXT NOT NULL,
  supersedes      INTEGER REFERENCES attendance_new(id),
  reason          TEXT,
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  hash            BLOB NOT NULL
);
INSERT INTO attendance_new SELECT * FROM attendance ORDER BY id;
-- Dropping a table drops its triggers and indexes first: no append-only trigger fires.
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;

CREATE UNIQUE INDEX attendance_entry ON attendance (session_id, trainee_id, ifnull(supersedes, 0));
CREATE UNIQUE INDEX attendance_superseded ON attendance (supersedes) WHERE supersedes IS NOT NULL;
CREATE TRIGGER attendance_no_update BEFORE UPDATE ON attendance BEGIN SELECT RAISE(ABORT, 'attendance is append-only: record a correction instead'); END;
CREATE TRIGGER attendance_no_delete BEFORE DELETE ON attendance BEGIN SELECT RAISE(ABORT, 'attendance is append-only: record a correction instead'); END;

-- A convention's grades, corrections included, for the check of its entries by `export proofs`
-- (queries/convention_chain_ids.sql).
CREATE INDEX grade_by_trainee ON grade (trainee_id);
