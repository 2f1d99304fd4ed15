-- The e-learning modules of convention :convention with their hours (latest version), the activities declared
-- (D. 6313-3-1: the activities and their estimated time) and whether any completion is held.
SELECT m.code AS module, m.minutes AS minutes, count(a.id) AS activities, coalesce(sum(a.minutes), 0) AS activity_minutes,
       EXISTS (SELECT 1 FROM activity_completion c JOIN module_activity ca ON ca.id = c.activity_id WHERE ca.module_id = m.id) AS traced
FROM module_terms m LEFT JOIN module_activity a ON a.module_id = m.id
WHERE m.convention_id = :convention AND m.elearning = 1
GROUP BY m.id, m.code, m.minutes ORDER BY m.code;
