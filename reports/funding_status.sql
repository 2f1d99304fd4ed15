-- The agreements of convention :convention: effective decision date (imported or recorded by
-- `funding decide`; NULL while pending), whether it covers trainees (decided on or before the
-- entry into training of a trainee of its scope, or before any has entered: their first held
-- half-day on or after joining, as in reports/coverage.sql; a renounced convention has none) and
-- what the OPCA paid up to :to.
WITH conv AS (
  SELECT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = :convention) AS renounced
),
entry AS (
  SELECT t.id AS trainee_id,
         (SELECT s.date FROM session s  -- the first in date order: a walk of the date index that stops there
          WHERE s.convention_id = :convention AND s.date <= :today AND (j.joins IS NULL OR s.date >= j.joins)
            AND NOT EXISTS (SELECT 1 FROM cancellation x WHERE x.session_id = s.id)
          ORDER BY s.date LIMIT 1) AS entry_day
  FROM trainee t LEFT JOIN trainee_join j ON j.trainee_id = t.id
  WHERE t.convention_id = :convention
)
SELECT f.id, f.ref, f.funder, coalesce(f.decided, d.decided) AS decided,
       coalesce(NOT conv.renounced AND EXISTS (
         SELECT 1 FROM funding_scope fs JOIN entry e ON e.trainee_id = fs.trainee_id
         WHERE fs.funding_id = f.id AND (e.entry_day IS NULL OR coalesce(f.decided, d.decided) <= e.entry_day)), FALSE)
         AND coalesce(f.decided, d.decided) IS NOT NULL AS covers,
       f.hourly_rate_cents, f.cap_minutes, f.cap_cents, f.basis,
       (SELECT coalesce(sum(r.amount_cents), 0) FROM funder_receipt r WHERE r.funding_id = f.id AND r.date <= :to)
         AS received_cents
FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id, conv
WHERE f.convention_id = :convention
ORDER BY f.ref;
