-- Art. 8: the (trainee, module) pairs with no grade at all, for the trainees still in the parcours
-- (a trainee who left is not presented to the jury). Every trainee follows every module (Art. 5).
SELECT t.code AS trainee, t.last_name, t.first_name, m.code AS module, o.key AS org
FROM trainee t
JOIN module m ON m.convention_id = t.convention_id
JOIN training_org o ON o.id = m.org_id
WHERE t.convention_id = ?
  AND NOT EXISTS (SELECT 1 FROM departure d WHERE d.trainee_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM grade g WHERE g.trainee_id = t.id AND g.module_id = m.id)
ORDER BY t.code, m.id;
