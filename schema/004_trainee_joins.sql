-- Migration 4: a trainee who joins the convention after its start (`trainee.joins`,
-- `trainee add --joins`). The joining date is a fact of its own in a new chained table, so that
-- the rows of `trainee` keep their encoding and an older ledger still verifies. No row: the
-- trainee follows the convention from its start.
CREATE TABLE trainee_join (
  id           INTEGER PRIMARY KEY,
  trainee_id   INTEGER NOT NULL UNIQUE REFERENCES trainee(id),
  joins        TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);
INSERT INTO chained_table VALUES ('trainee_join');
CREATE TRIGGER trainee_join_no_update BEFORE UPDATE ON trainee_join BEGIN SELECT RAISE(ABORT, 'trainee_join is append-only: record a correction instead'); END;
CREATE TRIGGER trainee_join_no_delete BEFORE DELETE ON trainee_join BEGIN SELECT RAISE(ABORT, 'trainee_join is append-only: record a correction instead'); END;
