-- OPCA coverage (DESIGN section 5, Art. 11): minutes each agreement covers, per (agreement,
-- month, trainee, module), for half-days dated up to :to, in the euro cap's walking order.
--
-- Eligible: the entry that stands (the latest, not voided) of a held half-day (not cancelled, the
-- convention not renounced) inside the convention's validity, dated before the trainee's
-- departure, with attended minutes > 0 and complete proof (trainee and trainer signed onsite,
-- a proof reference in e-learning), for a (trainee, module) in the agreement's scope, the
-- agreement decided on or before the trainee's entry into training. Entry = the date of the
-- trainee's first held half-day of the convention (not cancelled, dated up to :today) on or after
-- the day they join (trainee_join; none: from the start), any module, attended or not.
-- Hour cap: entries walked in order (date, slot: 'am' < 'pm', module code, trainee id; text
-- compared byte by byte, SQLite's BINARY collation) and covered until the cap, the one crossing it
-- in part. The walk runs from the first entry, so earlier months use up the cap first.
WITH conv AS (
  SELECT c.starts, c.ends
  FROM convention_terms c
  WHERE c.id = :convention AND NOT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = c.id)
),
entry AS MATERIALIZED (  -- once per trainee (PostgreSQL would otherwise inline it, its subquery once per row)
  SELECT t.id AS trainee_id,
         (SELECT s.date FROM session s  -- the first in date order: a walk of the date index that stops there
          WHERE s.convention_id = :convention AND s.date <= :today AND (j.joins IS NULL OR s.date >= j.joins)
            AND NOT EXISTS (SELECT 1 FROM cancellation x WHERE x.session_id = s.id)
          ORDER BY s.date LIMIT 1) AS entry_day
  FROM trainee t LEFT JOIN trainee_join j ON j.trainee_id = t.id
  WHERE t.convention_id = :convention
),
agreement AS (
  SELECT f.id, f.cap_minutes, coalesce(f.decided, d.decided) AS decided
  FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id
  WHERE f.convention_id = :convention AND coalesce(f.decided, d.decided) IS NOT NULL
),
eligible AS (
  SELECT g.id AS funding_id, g.cap_minutes, s.date, s.slot, m.code AS module, t.code AS trainee, a.minutes
  FROM conv
  JOIN session s ON s.convention_id = :convention AND s.date BETWEEN conv.starts AND conv.ends AND s.date <= :to
                 AND s.date <= :today
  JOIN module m ON m.id = s.module_id
  JOIN attendance_current a ON a.session_id = s.id
  JOIN trainee t ON t.id = a.trainee_id
  JOIN funding_scope fs ON fs.module_id = s.module_id AND fs.trainee_id = a.trainee_id
  JOIN agreement g ON g.id = fs.funding_id
  JOIN entry e ON e.trainee_id = a.trainee_id AND g.decided <= e.entry_day
  LEFT JOIN departure d ON d.trainee_id = t.id
  WHERE NOT EXISTS (SELECT 1 FROM cancellation x WHERE x.session_id = s.id)
    AND (d.on_date IS NULL OR s.date < d.on_date)
    AND a.minutes > 0
    AND CASE WHEN s.mode = 'elearning' THEN a.proof <> '' ELSE a.trainee_signed = 1 AND a.trainer_signed = 1 END
),
walked AS (
  SELECT funding_id, date, module, trainee,
         CASE WHEN cap_minutes IS NULL THEN minutes
              ELSE max(0, min(minutes, cap_minutes - (sum(minutes) OVER walk - minutes))) END AS covered
  FROM eligible
  WINDOW walk AS (PARTITION BY funding_id ORDER BY date, slot, module, trainee ROWS UNBOUNDED PRECEDING)
)
SELECT funding_id, substr(date, 1, 7) AS month, trainee, module, sum(covered) AS covered_min
FROM walked
GROUP BY funding_id, month, trainee, module
ORDER BY funding_id, month, trainee, module;
