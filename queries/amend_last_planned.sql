-- The last half-day not cancelled of convention :convention: an avenant may not end the
-- convention before it (Art. 14, every half-day falls inside the validity).
SELECT s.date, m.code AS module
FROM session s JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = :convention AND c.id IS NULL
ORDER BY s.date DESC, s.slot DESC, m.code
LIMIT 1;
