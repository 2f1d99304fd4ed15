-- reports/coverage.sql on PostgreSQL: the same rows, the same rules (read them there), in small
-- steps, each computed once (MATERIALIZED) and planned on its own: the convention's held half-days
-- up to :to, their complete entries (read by half-day, a range of the attendance index: LATERAL,
-- OFFSET 0 keeps it so when attendance has no statistics yet, as right after a bulk import, where
-- PostgreSQL would otherwise read the whole table), and the
-- (agreement, trainee, module) scope with each trainee's entry day and departure; entries and
-- scope then meet by hash. Left to itself, PostgreSQL underestimates the rows after
-- attendance_current's anti-joins, looks each entry's trainee and scope up one by one, and plans a
-- dozen relations at once: at 1M entries, 60 ms of execution and 15 of planning.
WITH conv AS (
  SELECT c.starts, c.ends
  FROM convention_terms c
  WHERE c.id = :convention AND NOT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = c.id)
),
entry AS MATERIALIZED (
  SELECT t.id AS trainee_id,
         (SELECT s.date FROM session s
          WHERE s.convention_id = :convention AND s.date <= :today AND (j.joins IS NULL OR s.date >= j.joins)
            AND NOT EXISTS (SELECT 1 FROM cancellation x WHERE x.session_id = s.id)
          ORDER BY s.date LIMIT 1) AS entry_day
  FROM trainee t LEFT JOIN trainee_join j ON j.trainee_id = t.id
  WHERE t.convention_id = :convention
),
scope AS MATERIALIZED (
  SELECT f.id AS funding_id, f.cap_minutes, fs.module_id, fs.trainee_id, t.code AS trainee, d.on_date AS left_on
  FROM funding f LEFT JOIN funding_decision fd ON fd.funding_id = f.id
  JOIN funding_scope fs ON fs.funding_id = f.id
  JOIN trainee t ON t.id = fs.trainee_id
  JOIN entry e ON e.trainee_id = fs.trainee_id AND coalesce(f.decided, fd.decided) <= e.entry_day
  LEFT JOIN departure d ON d.trainee_id = t.id
  WHERE f.convention_id = :convention AND coalesce(f.decided, fd.decided) IS NOT NULL
),
held AS MATERIALIZED (
  SELECT s.id, s.module_id, s.date, s.slot, s.mode, m.code AS module
  FROM conv
  JOIN session s ON s.convention_id = :convention AND s.date BETWEEN conv.starts AND conv.ends AND s.date <= :to
                 AND s.date <= :today
  JOIN module m ON m.id = s.module_id
  WHERE NOT EXISTS (SELECT 1 FROM cancellation x WHERE x.session_id = s.id)
),
cur AS MATERIALIZED (
  SELECT s.module_id, s.date, s.slot, s.module, a.trainee_id, a.minutes
  FROM held s
  CROSS JOIN LATERAL (SELECT a.* FROM attendance_current a WHERE a.session_id = s.id OFFSET 0) a
  WHERE a.minutes > 0
    AND CASE WHEN s.mode = 'elearning' THEN a.proof <> '' ELSE a.trainee_signed = 1 AND a.trainer_signed = 1 END
),
eligible AS (
  SELECT p.funding_id, p.cap_minutes, a.date, a.slot, a.module, p.trainee, a.minutes
  FROM cur a JOIN scope p ON p.module_id = a.module_id AND p.trainee_id = a.trainee_id
  WHERE p.left_on IS NULL OR a.date < p.left_on
),
walked AS (
  SELECT funding_id, date, module, trainee,
         CASE WHEN cap_minutes IS NULL THEN minutes
              ELSE greatest(0, least(minutes, cap_minutes - (isum(minutes) OVER walk - minutes))) END AS covered
  FROM eligible
  WINDOW walk AS (PARTITION BY funding_id ORDER BY date, slot, module, trainee ROWS UNBOUNDED PRECEDING)
)
SELECT funding_id, substr(date, 1, 7) AS month, trainee, module, isum(covered) AS covered_min
FROM walked
GROUP BY funding_id, month, trainee, module
ORDER BY funding_id, month, trainee, module;
