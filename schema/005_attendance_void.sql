-- Migration 5: voided attendance entries (`ledger attend void`).
-- A void is a new chained table, so that no existing row changes its encoding and a ledger made
-- before this migration still verifies. A void names the entry it removes (the latest of its
-- half-day and trainee at the time): the pair then has no entry, as if none had been recorded.
-- A later entry for the pair supersedes the voided one (`attendance.supersedes`), and so the void.
CREATE TABLE attendance_void (
  id           INTEGER PRIMARY KEY,
  entry_id     INTEGER NOT NULL UNIQUE REFERENCES attendance(id),
  reason       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);
INSERT INTO chained_table VALUES ('attendance_void');
CREATE TRIGGER attendance_void_no_update BEFORE UPDATE ON attendance_void BEGIN SELECT RAISE(ABORT, 'attendance_void is append-only: record a correction instead'); END;
CREATE TRIGGER attendance_void_no_delete BEFORE DELETE ON attendance_void BEGIN SELECT RAISE(ABORT, 'attendance_void is append-only: record a correction instead'); END;

-- The entry that stands for each (half-day, trainee): the latest one (nothing supersedes it),
-- unless it was voided. Every figure, check and export reads entries through this view.
CREATE VIEW attendance_current AS
SELECT a.* FROM attendance a
WHERE NOT EXISTS (SELECT 1 FROM attendance later WHERE later.supersedes = a.id)
  AND NOT EXISTS (SELECT 1 FROM attendance_void v WHERE v.entry_id = a.id);
