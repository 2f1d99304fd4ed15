-- queries/attendance_entered.sql on PostgreSQL. In the middle of an import the tables have no
-- statistics yet: planned as a join, the query read the whole of attendance for each module
-- (100 to 270 ms each). The entries are read half-day by half-day through the index
-- attendance_entry instead; OFFSET 0 keeps the subquery from being flattened into a join.
SELECT s.id AS session_id, a.trainee_id
FROM session s,
     LATERAL (SELECT e.trainee_id FROM attendance e WHERE e.session_id = s.id AND e.supersedes IS NULL OFFSET 0) a
WHERE s.module_id = ?1 AND (CAST(?2 AS bigint) IS NULL OR s.id = ?2);
