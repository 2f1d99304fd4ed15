-- One half-day, by module, date and slot, for recording attendance (once per sheet).
SELECT s.id, s.minutes, s.mode, c.by_party AS cancelled_by
FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.module_id = ? AND s.date = ? AND s.slot = ?;
