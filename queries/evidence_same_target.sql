-- The same file already attached, not retracted, to the same half-day or module and trainee.
SELECT e.id FROM evidence e
WHERE e.convention_id = :convention AND e.sha256 = :sha256 AND e.module_id = :module
  AND e.session_id IS :session AND e.trainee_id IS :trainee
  AND NOT EXISTS (SELECT 1 FROM evidence_retraction r WHERE r.evidence_id = e.id);
