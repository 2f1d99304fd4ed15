-- Every entry of a convention, superseded ones included, oldest first.
SELECT a.id, s.date, s.slot, m.code AS module, t.code AS trainee, t.last_name, t.first_name, a.minutes, s.minutes AS session_minutes,
       a.absence, a.trainee_signed, a.trainer_signed, a.proof, a.sheet, a.supersedes, a.reason, a.recorded_at, a.recorded_by,
       (SELECT later.id FROM attendance later WHERE later.supersedes = a.id) AS superseded_by
FROM attendance a
JOIN session s ON s.id = a.session_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
WHERE s.convention_id = :convention
  AND (:trainee IS NULL OR t.code = :trainee)
  AND (:module IS NULL OR m.code = :module)
  AND (:from IS NULL OR s.date >= :from)
  AND (:to IS NULL OR s.date <= :to)
ORDER BY s.date, s.slot, m.code, t.code, a.id;
