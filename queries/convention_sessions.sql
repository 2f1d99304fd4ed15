-- Every half-day of a convention, for validating attendance without a query per line.
SELECT s.id, s.module_id, s.date, s.slot, s.minutes, s.mode, c.by_party AS cancelled_by
FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = ?;
