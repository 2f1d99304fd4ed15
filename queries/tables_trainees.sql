-- Art. 7 (70 % rule): each trainee's contract.
SELECT t.code, t.last_name, t.first_name, t.contract_start, t.contract_end, t.weekly_minutes, d.on_date AS left_on
FROM trainee t LEFT JOIN departure d ON d.trainee_id = t.id
WHERE t.convention_id = ?
ORDER BY t.code;
