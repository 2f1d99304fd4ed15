-- Every entry of a convention, superseded ones included, and every void (schema/005), oldest
-- first per half-day and trainee. A voided entry is superseded by its void; the void by the
-- entry recorded after it, if any (`kind`: entry or void; a void has no minutes nor signatures).
SELECT a.id, 'entry' AS kind, s.date, s.slot, m.code AS module, t.code AS trainee, a.minutes, a.absence,
       a.trainee_signed, a.trainer_signed, a.proof, a.sheet, a.reason, a.recorded_at, a.recorded_by,
       coalesce((SELECT v.id FROM attendance_void v WHERE v.entry_id = a.id),
                (SELECT later.id FROM attendance later WHERE later.supersedes = a.id)) AS superseded_by
FROM attendance a
JOIN session s ON s.id = a.session_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
WHERE s.convention_id = :convention
  AND (:trainee IS NULL OR t.code = :trainee)
  AND (:module IS NULL OR m.code = :module)
  AND (:from IS NULL OR s.date >= :from)
  AND (:to IS NULL OR s.date <= :to)
UNION ALL
SELECT v.id, 'void', s.date, s.slot, m.code, t.code, NULL, NULL, NULL, NULL, NULL, NULL, v.reason, v.recorded_at,
       v.recorded_by, (SELECT later.id FROM attendance later WHERE later.supersedes = a.id)
FROM attendance_void v
JOIN attendance a ON a.id = v.entry_id
JOIN session s ON s.id = a.session_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
WHERE s.convention_id = :convention
  AND (:trainee IS NULL OR t.code = :trainee)
  AND (:module IS NULL OR m.code = :module)
  AND (:from IS NULL OR s.date >= :from)
  AND (:to IS NULL OR s.date <= :to)
ORDER BY 3, 4, 5, 6, 1;
