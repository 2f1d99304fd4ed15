-- The entry of a trainee at a half-day that nothing supersedes.
SELECT a.* FROM attendance a
WHERE a.session_id = ? AND a.trainee_id = ?
  AND NOT EXISTS (SELECT 1 FROM attendance later WHERE later.supersedes = a.id);
