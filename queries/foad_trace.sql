-- A trainee's trace on an e-learning half-day (module :module, session :session): the proof
-- reference of the entry that stands, and the activities completed that day, for the sheet.
SELECT t.code AS trainee, a.proof AS proof,
       (SELECT group_concat(done.code, ', ') FROM (
          SELECT ma.code AS code, min(ma.id) AS first FROM activity_completion c JOIN module_activity ma ON ma.id = c.activity_id
          WHERE ma.module_id = :module AND c.trainee_id = t.id AND c.completed = s.date
          GROUP BY ma.code ORDER BY first) AS done) AS activities
FROM session s JOIN trainee t ON t.convention_id = s.convention_id
LEFT JOIN attendance_current a ON a.session_id = s.id AND a.trainee_id = t.id
WHERE s.id = :session
ORDER BY t.code;
