-- Attendance entries that stand (the latest of each trainee and half-day, not voided) that a denunciation of convention
-- :convention ending on :ends_on would leave after its end: on half-days dated after :ends_on of
-- the modules of training body :org (every module when :org is NULL, the beneficiary denouncing).
SELECT count(*) FROM attendance_current a JOIN session s ON s.id = a.session_id JOIN module m ON m.id = s.module_id
WHERE s.convention_id = :convention AND s.date > :ends_on AND (:org IS NULL OR m.org_id = :org);
