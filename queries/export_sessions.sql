-- sessions.csv: every half-day of convention :convention dated :from..:to, with its cancellation
-- (one by one, with the convention or by a denunciation: view session_cancelled) and the number
-- of trainees with an entry; chain ids and hashes (hex) of both rows.
SELECT v.ref AS convention, o.name AS org, o.nda AS org_nda, m.code AS module, m.label AS module_label,
       s.date, s.slot, s.start_time, s.end_time, s.minutes, s.mode, coalesce(s.place, m.place) AS place, s.trainer,
       c.by_party AS cancelled_by, c.notified, c.reason AS cancellation_reason,
       (SELECT count(*) FROM attendance_current a WHERE a.session_id = s.id) AS trainees_recorded,
       s.recorded_at, s.recorded_by, s.id AS entry_id, lower(hex(s.hash)) AS hash,
       c.entry_id AS cancellation_entry_id, lower(hex(c.hash)) AS cancellation_hash
FROM session s
JOIN convention v ON v.id = s.convention_id
JOIN module m ON m.id = s.module_id
JOIN training_org o ON o.id = m.org_id
LEFT JOIN session_cancelled c ON c.session_id = s.id
WHERE s.convention_id = :convention AND s.date BETWEEN :from AND :to
ORDER BY s.date, s.slot, m.code;
