-- Entries that stand (not voided) of one trainee on half-days dated on or after a day: how many,
-- and the first of them (date, slot, module), to name in the refusal.
SELECT count(*) AS entries, min(s.date || ' ' || s.slot || ' ' || m.code) AS first
FROM attendance_current a JOIN session s ON s.id = a.session_id JOIN module m ON m.id = s.module_id
WHERE a.trainee_id = ? AND s.date >= ?;
