-- The span of a convention's training: its first and last half-days not cancelled (NULLs when none
-- is planned), for the twelve months of a période de reconversion.
SELECT min(s.date) AS first, max(s.date) AS last
FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = :convention AND c.id IS NULL;
