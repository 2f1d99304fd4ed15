-- The grade of a trainee at one test of a module that nothing supersedes.
SELECT g.* FROM grade g
WHERE g.trainee_id = ? AND g.module_id = ? AND g.test = ?
  AND NOT EXISTS (SELECT 1 FROM grade later WHERE later.supersedes = g.id);
