-- The agreements of convention :convention: effective decision date (imported or recorded by
-- `funding decide`; NULL while pending), whether it covers the trainees (decided on or before
-- their entry into training: the first held half-day, as in reports/coverage.sql; a renounced
-- convention has none) and what the OPCA paid up to :to.
WITH conv AS (
  SELECT (SELECT min(s.date) FROM session s LEFT JOIN cancellation x ON x.session_id = s.id
          WHERE s.convention_id = :convention AND x.id IS NULL) AS entry_day,
         EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = :convention) AS renounced
)
SELECT f.id, f.ref, f.funder, coalesce(f.decided, d.decided) AS decided, conv.entry_day,
       coalesce(coalesce(f.decided, d.decided) <= conv.entry_day AND NOT conv.renounced, 0) AS covers,
       f.hourly_rate_cents, f.cap_minutes, f.cap_cents, f.basis,
       (SELECT coalesce(sum(r.amount_cents), 0) FROM funder_receipt r WHERE r.funding_id = f.id AND r.date <= :to)
         AS received_cents
FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id, conv
WHERE f.convention_id = :convention
ORDER BY f.ref;
