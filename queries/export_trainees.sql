-- trainees.csv: the trainees of convention :convention with their departure and their joining
-- date (a later entry into the convention), if any.
SELECT v.ref AS convention, t.code AS trainee_id, t.last_name, t.first_name, t.birth_date, t.function,
       t.contract_start, t.contract_end, t.weekly_minutes, d.on_date AS left_on, d.reason AS leave_reason,
       t.recorded_at, t.recorded_by, t.id AS entry_id, lower(hex(t.hash)) AS hash,
       d.id AS departure_entry_id, lower(hex(d.hash)) AS departure_hash,
       j.joins, j.id AS joins_entry_id, lower(hex(j.hash)) AS joins_hash
FROM trainee t
JOIN convention v ON v.id = t.convention_id
LEFT JOIN departure d ON d.trainee_id = t.id
LEFT JOIN trainee_join j ON j.trainee_id = t.id
WHERE t.convention_id = :convention
ORDER BY t.code;
