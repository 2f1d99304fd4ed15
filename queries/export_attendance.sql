-- attendance.csv: one row per trainee and half-day of convention :convention dated :from..:to,
-- with the trainee's entry that stands (the latest, unless voided) when there is one. The status
-- follows DESIGN section 5: withdrawn (cancelled by the beneficiary, or on or after the trainee's
-- departure) before not_delivered (cancelled by the training body, or with the convention by the
-- party that renounced it, as reports/quantities.sql counts it); otherwise present, partial or
-- absent from the entry, unrecorded when a past half-day has none, planned when it is to come.
-- proof_complete: both signatures (onsite) or a proof reference (e-learning); an entry with 0
-- minutes has nothing to prove. A half-day dated before the trainee joins is not theirs: no row.
SELECT v.ref AS convention, o.name AS org, o.nda AS org_nda, m.code AS module, m.label AS module_label,
       s.date, s.slot, s.start_time, s.end_time, s.minutes AS session_minutes, s.mode, coalesce(s.place, m.place) AS place,
       s.trainer, t.code AS trainee_id, t.last_name, t.first_name,
       CASE WHEN coalesce(c.by_party, cc.by_party) = 'beneficiary' OR s.date >= d.on_date THEN 'withdrawn'
            WHEN coalesce(c.by_party, cc.by_party) = 'of' THEN 'not_delivered'
            WHEN a.id IS NULL AND s.date <= :today THEN 'unrecorded'
            WHEN a.id IS NULL THEN 'planned'
            WHEN a.minutes = s.minutes THEN 'present'
            WHEN a.minutes = 0 THEN 'absent'
            ELSE 'partial' END AS status,
       a.minutes, a.absence, a.trainee_signed, a.trainer_signed,
       CASE WHEN a.id IS NULL THEN NULL
            WHEN a.minutes = 0 THEN TRUE
            WHEN s.mode = 'elearning' THEN a.proof <> ''
            ELSE a.trainee_signed = 1 AND a.trainer_signed = 1 END AS proof_complete,
       a.sheet, a.proof, a.recorded_at, a.recorded_by, a.id AS entry_id, a.supersedes, a.reason,
       lower(hex(a.hash)) AS hash
FROM session s
JOIN convention v ON v.id = s.convention_id
JOIN module m ON m.id = s.module_id
JOIN training_org o ON o.id = m.org_id
JOIN trainee t ON t.convention_id = s.convention_id
LEFT JOIN cancellation c ON c.session_id = s.id
LEFT JOIN convention_cancel cc ON cc.convention_id = s.convention_id
LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
LEFT JOIN attendance_current a ON a.session_id = s.id AND a.trainee_id = t.id
WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to AND (j.joins IS NULL OR s.date >= j.joins)
ORDER BY s.date, s.slot, m.code, t.code;
