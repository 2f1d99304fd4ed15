-- Attendance entries (the latest of each trainee and half-day) that a denunciation of convention
-- :convention ending on :ends_on would leave after its end: on half-days dated after :ends_on of
-- the modules of training body :org (every module when :org is NULL, the beneficiary denouncing).
SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id JOIN module m ON m.id = s.module_id
WHERE s.convention_id = :convention AND s.date > :ends_on AND (:org IS NULL OR m.org_id = :org)
  AND NOT EXISTS (SELECT 1 FROM attendance later WHERE later.supersedes = a.id);
