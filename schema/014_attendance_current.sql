-- Migration 14: attendance_current, the same view, written again so that PostgreSQL can read it
-- its own way (schema/pg/014_attendance_current.sql); SQLite's is unchanged.
DROP VIEW attendance_current;
CREATE VIEW attendance_current AS
SELECT a.* FROM attendance a
WHERE NOT EXISTS (SELECT 1 FROM attendance later WHERE later.supersedes = a.id)
  AND NOT EXISTS (SELECT 1 FROM attendance_void v WHERE v.entry_id = a.id);
