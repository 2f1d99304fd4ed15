-- The trainees of a convention with their departures, joining dates and e-mails; :before (a chain
-- id, or NULL for all): those recorded before it, the trainees of an earlier version.
SELECT t.*, d.on_date AS left_on, j.joins, e.email
FROM trainee t LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
LEFT JOIN trainee_email e ON e.trainee_id = t.id
WHERE t.convention_id = :convention AND (t.id < :before OR :before IS NULL)  -- typed by its first use, t.id: PostgreSQL prepares it at once
ORDER BY t.code;
