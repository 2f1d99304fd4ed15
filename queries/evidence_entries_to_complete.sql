-- The entries that stand (latest, not voided) with attended minutes and no proof reference of the e-learning half-days an
-- evidence file proves: one half-day (:session; every trainee, or :trainee), or a trainee's whole
-- module (:session NULL). Attaching the file sets their proof reference.
SELECT a.* FROM attendance_current a
JOIN session s ON s.id = a.session_id
WHERE s.module_id = :module AND s.mode = 'elearning'
  AND (:session IS NULL OR s.id = :session)
  AND (:trainee IS NULL OR a.trainee_id = :trainee)
  AND a.minutes > 0 AND a.proof = ''
ORDER BY s.date, s.slot, a.trainee_id;
