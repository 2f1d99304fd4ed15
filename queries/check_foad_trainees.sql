-- Per e-learning module of convention :convention and trainee with recorded minutes on its
-- e-learning half-days (entries that stand): those minutes, those with a proof reference
-- (followed), the estimated time of the distinct activities completed, the assistance records
-- (for the trainee or for every trainee of the module) and the grades of the module.
WITH recorded AS (
  SELECT s.module_id, a.trainee_id, sum(a.minutes) AS minutes,
         sum(CASE WHEN a.proof <> '' THEN a.minutes ELSE 0 END) AS followed
  FROM attendance_current a JOIN session s ON s.id = a.session_id
  WHERE s.convention_id = :convention AND s.mode = 'elearning'
  GROUP BY s.module_id, a.trainee_id
)
SELECT m.code AS module, t.code AS trainee, r.minutes AS recorded_min, r.followed AS followed_min,
       (SELECT coalesce(sum(ma.minutes), 0) FROM module_activity ma
        WHERE ma.module_id = m.id
          AND EXISTS (SELECT 1 FROM activity_completion c WHERE c.activity_id = ma.id AND c.trainee_id = t.id)) AS completed_min,
       (SELECT count(*) FROM assistance x WHERE x.module_id = m.id AND (x.trainee_id IS NULL OR x.trainee_id = t.id)) AS assistance,
       (SELECT count(*) FROM grade g WHERE g.module_id = m.id AND g.trainee_id = t.id) AS grades
FROM recorded r JOIN module m ON m.id = r.module_id JOIN trainee t ON t.id = r.trainee_id
WHERE m.elearning = 1 AND r.minutes > 0
ORDER BY m.code, t.code;
