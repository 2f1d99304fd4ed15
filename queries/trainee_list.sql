-- The trainees of convention :convention, with their joining date and their departure if any (`trainee list`).
SELECT t.id, t.code, t.last_name, t.first_name, t.birth_date, t.function, t.contract_start, t.contract_end,
       t.weekly_minutes, j.joins, d.on_date AS left_on, d.reason AS left_reason
FROM trainee t LEFT JOIN trainee_join j ON j.trainee_id = t.id LEFT JOIN departure d ON d.trainee_id = t.id
WHERE t.convention_id = :convention
ORDER BY t.code;
