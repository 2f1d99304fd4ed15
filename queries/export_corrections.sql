-- corrections.csv: every superseded or voided entry of convention :convention (half-days dated
-- :from..:to), as it was, with what replaced it and the reason given: a correction, a void
-- (schema/005), or a new entry after a void (which supersedes the void, not the entry itself).
WITH replaced AS (
  SELECT v.entry_id AS old, v.id, v.reason, v.recorded_at, v.recorded_by FROM attendance_void v
  UNION ALL
  SELECT later.supersedes, later.id, later.reason, later.recorded_at, later.recorded_by FROM attendance later
  WHERE later.supersedes IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attendance_void v WHERE v.entry_id = later.supersedes)
)
SELECT v.ref AS convention, m.code AS module, s.date, s.slot, t.code AS trainee_id, t.last_name, t.first_name,
       a.id AS entry_id, a.minutes, a.absence, a.trainee_signed, a.trainer_signed, a.proof, a.sheet,
       a.recorded_at, a.recorded_by, lower(hex(a.hash)) AS hash,
       later.id AS superseded_by, later.reason, later.recorded_at AS corrected_at, later.recorded_by AS corrected_by
FROM attendance a
JOIN replaced later ON later.old = a.id
JOIN session s ON s.id = a.session_id
JOIN convention v ON v.id = s.convention_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to
ORDER BY s.date, s.slot, m.code, t.code, a.id;
