-- Per module, the first and last half-day trainee :trainee attended (latest entry with minutes),
-- neither cancelled nor on or after the trainee's departure.
SELECT m.code AS module, min(s.date) AS first_date, max(s.date) AS last_date
FROM attendance_current a
JOIN session s ON s.id = a.session_id
JOIN module m ON m.id = s.module_id
LEFT JOIN departure d ON d.trainee_id = a.trainee_id
WHERE s.convention_id = :convention AND a.trainee_id = :trainee AND a.minutes > 0
  AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
  AND (d.on_date IS NULL OR s.date < d.on_date)
GROUP BY m.code;
