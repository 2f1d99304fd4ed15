SELECT t.*, d.on_date AS left_on, j.joins, e.email
FROM trainee t LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
LEFT JOIN trainee_email e ON e.trainee_id = t.id
WHERE t.convention_id = ?
ORDER BY t.code;
