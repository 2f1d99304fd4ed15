-- Per (trainee, module) of convention :convention: minutes delivered up to :to (held, not
-- withdrawn: the training body's due) and minutes scheduled over the whole convention (neither
-- cancelled nor withdrawn, held or still to come: what the refund of Art. 12 leaves paid).
-- Withdrawn: dated on or after the trainee's departure; a renounced convention cancels every
-- half-day, a denounced one (Art. 15) those dated after its end (a training body's: its modules).
-- Half-days dated before the trainee joins are not theirs; those dated after :today (Europe/Paris)
-- are not yet held: scheduled, not delivered.
SELECT t.code AS trainee, m.code AS module,
       coalesce(sum(CASE WHEN s.date <= :to AND s.date <= :today THEN s.minutes END), 0) AS delivered_min,
       coalesce(sum(s.minutes), 0) AS scheduled_min
FROM session s
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.convention_id = :convention
LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
WHERE s.convention_id = :convention
  AND (j.joins IS NULL OR s.date >= j.joins)
  AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = :convention)
  AND NOT EXISTS (SELECT 1 FROM convention_denounce dn WHERE dn.convention_id = :convention AND s.date > dn.ends_on
                  AND (dn.by_party = 'beneficiary' OR dn.org_id = m.org_id))
  AND (d.on_date IS NULL OR s.date < d.on_date)
GROUP BY t.code, m.code
ORDER BY t.code, m.code;
