-- What stops a half-day from being claimed (DESIGN section 5, "to fix before claiming"): every
-- (held, not withdrawn half-day of :from..:to, trainee) with no entry (or a voided one), or whose
-- entry has attended minutes but incomplete proof. In order date, slot, module, trainee. A half-day
-- dated after :today is not yet held; one dated before the trainee joins is not theirs.
SELECT s.date, s.slot, m.code AS module, t.code AS trainee_id, t.last_name, t.first_name, s.mode,
       s.minutes AS session_min, a.id IS NOT NULL AS recorded, a.minutes AS attended_min,
       a.trainee_signed, a.trainer_signed, a.proof, a.sheet
FROM session s
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.convention_id = :convention
LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
LEFT JOIN attendance_current a ON a.session_id = s.id AND a.trainee_id = t.id
WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to AND s.date <= :today
  AND (j.joins IS NULL OR s.date >= j.joins)
  AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = :convention)
  AND NOT EXISTS (SELECT 1 FROM convention_denounce dn WHERE dn.convention_id = :convention AND s.date > dn.ends_on
                  AND (dn.by_party = 'beneficiary' OR dn.org_id = m.org_id))
  AND (d.on_date IS NULL OR s.date < d.on_date)
  AND (a.id IS NULL
       OR (a.minutes > 0 AND NOT CASE WHEN s.mode = 'elearning' THEN a.proof <> ''
                                      ELSE a.trainee_signed = 1 AND a.trainer_signed = 1 END))
ORDER BY s.date, s.slot, m.code, t.code;
