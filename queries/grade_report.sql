-- Art. 8: every trainee's latest grades in a convention, by trainee, module (in the convention's
-- order) and test.
SELECT t.code AS trainee, t.last_name, t.first_name, m.code AS module, o.key AS org, g.test,
       g.score_x100, g.out_of_x100, g.supersedes IS NOT NULL AS corrected, g.id, g.recorded_at, g.recorded_by
FROM grade g
JOIN trainee t ON t.id = g.trainee_id
JOIN module m ON m.id = g.module_id
JOIN training_org o ON o.id = m.org_id
WHERE t.convention_id = ?
  AND NOT EXISTS (SELECT 1 FROM grade later WHERE later.supersedes = g.id)
ORDER BY t.code, m.id, g.test;
