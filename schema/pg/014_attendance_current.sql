-- Migration 14 on PostgreSQL: attendance_current with the voided entries as one hashed set, read
-- once per statement, where NOT EXISTS made the planner rescan attendance_void (nearly always
-- empty, so costed at nothing) for every entry: a third of the time of each report statement that
-- reads entries. Voids are rare: their set stays far below work_mem. entry_id is NOT NULL, so NOT
-- IN is NOT EXISTS. The corrections stay an index lookup per entry (attendance_superseded): their
-- set grows with the whole ledger. The view keeps its columns, and reads with its caller's rights
-- as access_setup.sql makes every view (a replaced view loses its options).
CREATE OR REPLACE VIEW attendance_current WITH (security_invoker = true) AS
SELECT a.* FROM attendance a
WHERE NOT EXISTS (SELECT 1 FROM attendance later WHERE later.supersedes = a.id)
  AND a.id NOT IN (SELECT v.entry_id FROM attendance_void v);
