-- Half-days of convention :convention cancelled one by one (`session cancel`), dated up to :to,
-- with the number of trainees enrolled (joined on or before it) and not departed on that date
-- (the base of 14-3).
SELECT s.date, s.slot, m.code AS module, s.minutes, c.by_party, c.notified,
       (SELECT count(*) FROM trainee t LEFT JOIN departure d ON d.trainee_id = t.id
        LEFT JOIN trainee_join j ON j.trainee_id = t.id
        WHERE t.convention_id = :convention AND (d.on_date IS NULL OR d.on_date > s.date)
          AND (j.joins IS NULL OR j.joins <= s.date)) AS trainees
FROM session s
JOIN cancellation c ON c.session_id = s.id
JOIN module m ON m.id = s.module_id
WHERE s.convention_id = :convention AND s.date <= :to
ORDER BY s.date, s.slot, m.code;
