-- Complete entries with nothing held behind them: the entries that stand (latest, not voided) of held, not withdrawn
-- half-days of :from..:to with attended minutes and complete proof (DESIGN section 5) for which
-- the ledger holds no evidence file, retracted ones left out: none for the half-day (for every
-- trainee, or for this one) and none for the trainee's whole module. Paper kept elsewhere still
-- proves them: this is not "to fix before claiming". In order date, slot, module, trainee.
SELECT s.date, s.slot, m.code AS module, t.code AS trainee_id, t.last_name, t.first_name, s.mode, s.trainer,
       a.id AS entry, a.minutes AS attended_min, a.sheet
FROM attendance_current a
JOIN session s ON s.id = a.session_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
LEFT JOIN departure d ON d.trainee_id = t.id
WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to
  AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
  AND (d.on_date IS NULL OR s.date < d.on_date)
  AND a.minutes > 0
  AND CASE WHEN s.mode = 'elearning' THEN a.proof <> '' ELSE a.trainee_signed = 1 AND a.trainer_signed = 1 END
  AND NOT EXISTS (SELECT 1 FROM evidence e
                  WHERE e.session_id = s.id AND (e.trainee_id IS NULL OR e.trainee_id = a.trainee_id)
                    AND NOT EXISTS (SELECT 1 FROM evidence_retraction r WHERE r.evidence_id = e.id))
  AND NOT EXISTS (SELECT 1 FROM evidence e
                  WHERE e.session_id IS NULL AND e.module_id = s.module_id AND e.trainee_id = a.trainee_id
                    AND NOT EXISTS (SELECT 1 FROM evidence_retraction r WHERE r.evidence_id = e.id))
ORDER BY s.date, s.slot, m.code, t.code;
