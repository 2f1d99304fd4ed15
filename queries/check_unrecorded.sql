-- Held half-days up to :today where an enrolled trainee (joined and not departed by then) has no
-- entry (or a voided one), with how many trainees of the half-day do have one.
SELECT s.date, s.slot, m.code AS module, s.trainer, t.code AS trainee,
       (SELECT count(*) FROM attendance_current a WHERE a.session_id = s.id) AS recorded,
       (SELECT count(*) FROM trainee t2 LEFT JOIN departure d2 ON d2.trainee_id = t2.id
        LEFT JOIN trainee_join j2 ON j2.trainee_id = t2.id
        WHERE t2.convention_id = s.convention_id AND (d2.on_date IS NULL OR s.date < d2.on_date)
          AND (j2.joins IS NULL OR s.date >= j2.joins)) AS expected
FROM session s
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.convention_id = s.convention_id
LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = :convention AND c.id IS NULL AND s.date <= :today
  AND (d.on_date IS NULL OR s.date < d.on_date) AND (j.joins IS NULL OR s.date >= j.joins)
  AND NOT EXISTS (SELECT 1 FROM attendance_current a WHERE a.session_id = s.id AND a.trainee_id = t.id)
  -- Art. 15: half-days after a denounced convention's end count as cancelled.
  AND NOT EXISTS (SELECT 1 FROM convention_denounce dn WHERE dn.convention_id = s.convention_id AND s.date > dn.ends_on
                  AND (dn.by_party = 'beneficiary' OR dn.org_id = m.org_id))
ORDER BY s.date, s.slot, m.code, t.code;
