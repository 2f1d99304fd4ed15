-- The signatures of a half-day that stand (their evidence not retracted), oldest first: the
-- trainees' (trainee_id) and the trainer's (trainee_id NULL), with what `sign` and `sheet` show.
SELECT g.evidence_id, g.trainee_id, t.code AS trainee, g.signed_at, e.sha256, e.convention_id
FROM signature g
JOIN evidence e ON e.id = g.evidence_id
LEFT JOIN trainee t ON t.id = g.trainee_id
LEFT JOIN evidence_retraction r ON r.evidence_id = g.evidence_id
WHERE g.session_id = :session AND r.id IS NULL
ORDER BY g.id;
