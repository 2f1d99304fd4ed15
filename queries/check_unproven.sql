-- Latest entries with attended minutes whose proof is incomplete (DESIGN section 5): an onsite
-- half-day needs both signatures, an e-learning one a proof reference.
SELECT s.date, s.slot, m.code AS module, s.trainer, s.mode, t.code AS trainee, a.id AS entry, a.minutes,
       a.trainee_signed, a.trainer_signed, a.proof
FROM attendance_current a
JOIN session s ON s.id = a.session_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
WHERE s.convention_id = :convention
  AND a.minutes > 0
  AND CASE WHEN s.mode = 'elearning' THEN a.proof = '' ELSE NOT (a.trainee_signed = 1 AND a.trainer_signed = 1) END
ORDER BY s.date, s.slot, m.code, t.code;
