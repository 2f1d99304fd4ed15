-- DESIGN section 5 quantities, one row per (trainee, module) of convention :convention with at
-- least one half-day (held or cancelled) dated :from..:to (inclusive), in byte order of the
-- trainee's code then the module's code. Every trainee of a convention follows every module.
--
-- A half-day dated before the trainee joins (trainee_join) is not theirs: it gives them no row
-- and counts in none of their quantities.
-- Per half-day and trainee (over the entry that stands, schema/005: the latest one, none when voided):
--   ahead          dated after :today (the clock's date in Europe/Paris): not yet held, it counts
--                  in no quantity here (only in what is still scheduled, reports/to_date.sql);
--   withdrawn      cancelled by the beneficiary, or dated on or after the trainee's departure
--                  (checked first: a trainee who has left is not owed an OF's make-up either);
--   not delivered  cancelled by the training body;
--                  (a convention renounced as a whole, `convention cancel`, cancels every one of
--                  its half-days, by the party that renounced it; one denounced under Art. 15,
--                  `convention denounce`, cancels its half-days dated after its end, a training
--                  body's its own modules only, by the party that denounced it);
--   delivered      otherwise (held, not withdrawn); then, from the entry if there is one:
--     followed / unproven  its minutes, by whether its proof is complete: trainee and trainer
--                  signed for an onsite half-day, a proof reference for an e-learning one; an
--                  entry with 0 minutes has nothing to prove (it adds 0 to followed);
--     absent justified / unjustified  session minutes - attended minutes, by the absence flag
--                  ('' counts as unjustified);
--     unrecorded   the session's minutes when the trainee has no entry.
-- One pass: each (half-day, trainee) pair is classified once and summed (integer sums, never total()).
WITH period AS (
  SELECT s.id, s.module_id, s.date, s.minutes, s.mode, coalesce(c.by_party, cc.by_party, dn.by_party) AS cancelled_by
  FROM session s JOIN module sm ON sm.id = s.module_id
  LEFT JOIN cancellation c ON c.session_id = s.id
  LEFT JOIN convention_cancel cc ON cc.convention_id = s.convention_id
  LEFT JOIN convention_denounce dn ON dn.convention_id = s.convention_id AND s.date > dn.ends_on
       AND (dn.by_party = 'beneficiary' OR dn.org_id = sm.org_id)
  WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to
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
  LEFT JOIN attendance_current a ON a.session_id = p.id AND a.trainee_id = t.id
  WHERE j.joins IS NULL OR p.date >= j.joins
)
SELECT trainee_id, last_name, first_name, module,
       coalesce(sum(CASE WHEN status = 'delivered' THEN session_min END), 0) AS delivered_min,
       coalesce(sum(CASE WHEN status = 'delivered' AND proven THEN attended END), 0) AS followed_min,
       coalesce(sum(CASE WHEN status = 'delivered' AND NOT proven THEN attended END), 0) AS unproven_min,
       coalesce(sum(CASE WHEN status = 'delivered' AND absence = 'justified' THEN session_min - attended END), 0) AS absent_justified_min,
       coalesce(sum(CASE WHEN status = 'delivered' AND absence <> 'justified' THEN session_min - attended END), 0) AS absent_unjustified_min,
       coalesce(sum(CASE WHEN status = 'delivered' AND entry IS NULL THEN session_min END), 0) AS unrecorded_min,
       coalesce(sum(CASE WHEN status = 'not_delivered' THEN session_min END), 0) AS not_delivered_min,
       coalesce(sum(CASE WHEN status = 'withdrawn' THEN session_min END), 0) AS withdrawn_min
FROM pair
GROUP BY trainee_id, module, last_name, first_name
ORDER BY trainee_id, module;
