-- Which agreement each (trainee, module) of convention :convention is in the scope of.
SELECT f.id AS funding_id, t.code AS trainee, m.code AS module
FROM funding f
JOIN funding_scope fs ON fs.funding_id = f.id
JOIN trainee t ON t.id = fs.trainee_id
JOIN module m ON m.id = fs.module_id
WHERE f.convention_id = :convention;
