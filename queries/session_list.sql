-- Half-days of one convention with their status and how many trainees have an entry; cancelled
-- one by one, or with the convention (renounced, or denounced before their date: view
-- session_cancelled) by the party that did so and as of its notification: `with_convention`.
SELECT s.id, m.code AS module, s.date, s.slot, s.minutes, s.start_time, s.end_time, s.trainer, s.place, s.mode,
       c.by_party AS cancelled_by, c.notified, coalesce(c.with_convention, 0) AS with_convention,
       (SELECT count(*) FROM attendance_current a WHERE a.session_id = s.id) AS entries
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN session_cancelled c ON c.session_id = s.id
WHERE s.convention_id = :convention
  AND (:module IS NULL OR m.code = :module)
  AND (:from IS NULL OR s.date >= :from)
  AND (:to IS NULL OR s.date <= :to)
ORDER BY s.date, s.slot, m.code;
