-- evidence.csv: every evidence file, not retracted, standing behind exported entries of
-- convention :convention: those of its half-days dated :from..:to, and those of a trainee's
-- whole module when the trainee has an entry of that module in the period. In the order attached.
SELECT v.ref AS convention, e.id AS evidence_id, m.code AS module, s.date, s.slot, t.code AS trainee_id,
       e.kind, e.type, e.size, e.sha256, e.name, e.note, e.recorded_at, e.recorded_by, lower(hex(e.hash)) AS hash
FROM evidence e
JOIN convention v ON v.id = e.convention_id
JOIN module m ON m.id = e.module_id
LEFT JOIN session s ON s.id = e.session_id
LEFT JOIN trainee t ON t.id = e.trainee_id
WHERE e.convention_id = :convention
  AND NOT EXISTS (SELECT 1 FROM evidence_retraction r WHERE r.evidence_id = e.id)
  AND CASE WHEN e.session_id IS NOT NULL THEN s.date BETWEEN :from AND :to
           ELSE EXISTS (SELECT 1 FROM attendance a JOIN session x ON x.id = a.session_id
                        WHERE a.trainee_id = e.trainee_id AND x.module_id = e.module_id
                          AND x.date BETWEEN :from AND :to) END
ORDER BY e.id;
