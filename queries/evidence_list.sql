-- The evidence of convention :convention, retracted included, in the order attached; every filter
-- NULL or a value: one row (:id), a module, a half-day's date, a trainee (with the half-days'
-- evidence for every trainee).
SELECT e.id, e.kind, e.type, e.size, e.sha256, e.name, e.note, e.recorded_at, e.recorded_by,
       m.code AS module, s.date, s.slot, t.code AS trainee,
       r.id AS retraction_id, r.reason AS retraction_reason
FROM evidence e
JOIN module m ON m.id = e.module_id
LEFT JOIN session s ON s.id = e.session_id
LEFT JOIN trainee t ON t.id = e.trainee_id
LEFT JOIN evidence_retraction r ON r.evidence_id = e.id
WHERE e.convention_id = :convention
  AND (:id IS NULL OR e.id = :id)
  AND (:module IS NULL OR e.module_id = :module)
  AND (:date IS NULL OR s.date = :date)
  AND (:trainee IS NULL OR e.trainee_id = :trainee OR (e.trainee_id IS NULL AND e.session_id IS NOT NULL))
ORDER BY e.id;
