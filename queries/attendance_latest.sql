-- The entry of a trainee at a half-day that nothing supersedes, and whether it was voided.
SELECT a.*, EXISTS (SELECT 1 FROM attendance_void v WHERE v.entry_id = a.id) AS voided FROM attendance a
WHERE a.session_id = ? AND a.trainee_id = ?
  AND NOT EXISTS (SELECT 1 FROM attendance later WHERE later.supersedes = a.id);
