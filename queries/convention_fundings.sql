-- Agreements with their effective decision date (imported, or recorded by `funding decide`).
SELECT f.*, coalesce(f.decided, d.decided) AS decided_on,
       (SELECT count(*) FROM funding_scope s WHERE s.funding_id = f.id) AS scope_pairs,
       (SELECT group_concat(code, ', ') FROM (SELECT DISTINCT m.code FROM funding_scope s JOIN module m ON m.id = s.module_id
                                              WHERE s.funding_id = f.id ORDER BY m.code)) AS scope_modules,
       (SELECT group_concat(code, ', ') FROM (SELECT DISTINCT t.code FROM funding_scope s JOIN trainee t ON t.id = s.trainee_id
                                              WHERE s.funding_id = f.id ORDER BY t.code)) AS scope_trainees
FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id
WHERE f.convention_id = ?
ORDER BY f.ref;
