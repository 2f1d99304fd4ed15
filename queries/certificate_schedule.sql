-- Per module of convention :convention, the half-days of trainee :trainee (neither cancelled, nor
-- renounced with the convention, nor after a denounced convention's end, nor before the day they
-- join or on or after their departure): the first and last
-- held by :today, and the minutes and last date of those still planned after it.
SELECT m.code AS module,
       min(CASE WHEN s.date <= :today THEN s.date END) AS held_first,
       max(CASE WHEN s.date <= :today THEN s.date END) AS held_last,
       coalesce(sum(CASE WHEN s.date > :today THEN s.minutes END), 0) AS planned_min,
       max(CASE WHEN s.date > :today THEN s.date END) AS planned_last
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN departure d ON d.trainee_id = :trainee
LEFT JOIN trainee_join j ON j.trainee_id = :trainee
WHERE s.convention_id = :convention
  AND (j.joins IS NULL OR s.date >= j.joins)
  AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = s.convention_id)
  AND NOT EXISTS (SELECT 1 FROM convention_denounce dn WHERE dn.convention_id = s.convention_id AND s.date > dn.ends_on
                  AND (dn.by_party = 'beneficiary' OR dn.org_id = m.org_id))
  AND (d.on_date IS NULL OR s.date < d.on_date)
GROUP BY m.code;
