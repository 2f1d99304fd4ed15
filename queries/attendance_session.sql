-- The half-days of a module for recording attendance: the one at ?2 (date) and ?3 (slot), or all
-- of them when ?2 is NULL (domain/attendance.cpp: from a module's second half-day on, a bulk file
-- is likely to name them all).
SELECT s.id, s.date, s.slot, s.minutes, s.mode, c.by_party AS cancelled_by
FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.module_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR (s.date = ?2 AND s.slot = ?3));
