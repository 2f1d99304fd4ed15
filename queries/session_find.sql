SELECT s.*, m.code AS module_code, c.by_party AS cancelled_by
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.module_id = ? AND s.date = ? AND s.slot = ?;
