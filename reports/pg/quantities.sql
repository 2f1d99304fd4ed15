-- reports/quantities.sql on PostgreSQL: the same rows, the same rules (read them there). The
-- period's half-days and their entries that stand are computed once (MATERIALIZED), the entries
-- read by half-day (a range of the attendance index, whatever the statistics say: see
-- reports/pg/coverage.sql) and matched to the (trainee, half-day) pairs by hash, instead of one
-- index lookup per pair with attendance_current's anti-joins under it.
WITH period AS MATERIALIZED (
  SELECT s.id, s.module_id, s.date, s.minutes, s.mode, coalesce(c.by_party, cc.by_party, dn.by_party) AS cancelled_by
  FROM session s JOIN module sm ON sm.id = s.module_id
  LEFT JOIN cancellation c ON c.session_id = s.id
  LEFT JOIN convention_cancel cc ON cc.convention_id = s.convention_id
  LEFT JOIN convention_denounce dn ON dn.convention_id = s.convention_id AND s.date > dn.ends_on
       AND (dn.by_party = 'beneficiary' OR dn.org_id = sm.org_id)
  WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to
),
cur AS MATERIALIZED (  -- the entries that stand of those half-days, read by half-day
  SELECT a.session_id, a.trainee_id, a.id, a.minutes, a.absence, a.proof, a.trainee_signed, a.trainer_signed
  FROM period p
  CROSS JOIN LATERAL (SELECT a.* FROM attendance_current a WHERE a.session_id = p.id OFFSET 0) a
),
pair AS (
  SELECT t.code AS trainee_id, t.last_name, t.first_name, m.code AS module, p.minutes AS session_min,
         CASE WHEN p.date > :today THEN 'ahead'
              WHEN p.cancelled_by = 'beneficiary' OR p.date >= d.on_date THEN 'withdrawn'
              WHEN p.cancelled_by = 'of' THEN 'not_delivered'
              ELSE 'delivered' END AS status,
         a.id AS entry, a.minutes AS attended, a.absence,
         CASE WHEN a.minutes = 0 THEN TRUE
              WHEN p.mode = 'elearning' THEN a.proof <> ''
              ELSE a.trainee_signed = 1 AND a.trainer_signed = 1 END AS proven
  FROM period p
  JOIN module m ON m.id = p.module_id
  JOIN trainee t ON t.convention_id = :convention
  LEFT JOIN trainee_join j ON j.trainee_id = t.id
  LEFT JOIN departure d ON d.trainee_id = t.id
  LEFT JOIN cur a ON a.session_id = p.id AND a.trainee_id = t.id
  WHERE j.joins IS NULL OR p.date >= j.joins
)
SELECT trainee_id, last_name, first_name, module,
       coalesce(isum(CASE WHEN status = 'delivered' THEN session_min END), 0) AS delivered_min,
       coalesce(isum(CASE WHEN status = 'delivered' AND proven THEN attended END), 0) AS followed_min,
       coalesce(isum(CASE WHEN status = 'delivered' AND NOT proven THEN attended END), 0) AS unproven_min,
       coalesce(isum(CASE WHEN status = 'delivered' AND absence = 'justified' THEN session_min - attended END), 0) AS absent_justified_min,
       coalesce(isum(CASE WHEN status = 'delivered' AND absence <> 'justified' THEN session_min - attended END), 0) AS absent_unjustified_min,
       coalesce(isum(CASE WHEN status = 'delivered' AND entry IS NULL THEN session_min END), 0) AS unrecorded_min,
       coalesce(isum(CASE WHEN status = 'not_delivered' THEN session_min END), 0) AS not_delivered_min,
       coalesce(isum(CASE WHEN status = 'withdrawn' THEN session_min END), 0) AS withdrawn_min
FROM pair
GROUP BY trainee_id, module, last_name, first_name
ORDER BY trainee_id, module;
