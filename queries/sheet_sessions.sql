-- Half-days of one convention to print, with their module, training body and beneficiary; cancelled ones
-- included (cancelled_by not null: view session_cancelled) so that the caller can refuse or skip them.
-- :module and :slot NULL mean any.
SELECT s.id AS session_id, s.date, s.slot, s.minutes, s.start_time, s.end_time, s.trainer, s.mode,
       coalesce(s.place, m.place) AS place,
       m.code AS module, m.label AS module_label,
       o.name AS org_name, o.siret AS org_siret, o.nda AS org_nda, o.internal AS org_internal,
       b.name AS beneficiary_name,
       c.by_party AS cancelled_by
FROM session s
JOIN module m ON m.id = s.module_id
JOIN training_org o ON o.id = m.org_id
JOIN beneficiary b ON b.convention_id = s.convention_id
LEFT JOIN session_cancelled c ON c.session_id = s.id
WHERE s.convention_id = :convention
  AND s.date BETWEEN :from AND :to
  AND (:module IS NULL OR m.code = :module)
  AND (:slot IS NULL OR s.slot = :slot)
ORDER BY s.date, s.slot, m.code;
