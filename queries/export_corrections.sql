-- corrections.csv: every superseded entry of convention :convention (half-days dated
-- :from..:to), as it was, with the entry that replaced it and the reason given.
SELECT v.ref AS convention, m.code AS module, s.date, s.slot, t.code AS trainee_id, t.last_name, t.first_name,
       a.id AS entry_id, a.minutes, a.absence, a.trainee_signed, a.trainer_signed, a.proof, a.sheet,
       a.recorded_at, a.recorded_by, lower(hex(a.hash)) AS hash,
       later.id AS superseded_by, later.reason, later.recorded_at AS corrected_at, later.recorded_by AS corrected_by
FROM attendance a
JOIN attendance later ON later.supersedes = a.id
JOIN session s ON s.id = a.session_id
JOIN convention v ON v.id = s.convention_id
JOIN module m ON m.id = s.module_id
JOIN trainee t ON t.id = a.trainee_id
WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to
ORDER BY s.date, s.slot, m.code, t.code, a.id;
