-- Agreements with their effective decision date (imported, or recorded by `funding decide`).
SELECT f.*, coalesce(f.decided, d.decided) AS decided_on,
       (SELECT count(*) FROM funding_scope s WHERE s.funding_id = f.id) AS scope_pairs
FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id
WHERE f.convention_id = :convention AND (f.id < :before OR :before IS NULL)  -- typed by its first use (convention_trainees.sql)
ORDER BY f.ref;
