-- The trainees with a first entry (the unique key attendance_entry of schema/003) at a module's
-- half-days: the one ?2, or all of them when ?2 is NULL; for a writer that sends new entries
-- without waiting for each (domain/attendance.cpp).
SELECT a.session_id, a.trainee_id
FROM session s JOIN attendance a ON a.session_id = s.id AND a.supersedes IS NULL
WHERE s.module_id = ?1 AND (CAST(?2 AS INTEGER) IS NULL OR s.id = ?2);
