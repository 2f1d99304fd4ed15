-- The first half-day not cancelled: when the convention's training starts.
SELECT min(s.date) FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = ? AND c.id IS NULL;
