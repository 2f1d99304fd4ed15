-- Half-days of one convention with their status and how many trainees have an entry.
SELECT s.id, m.code AS module, s.date, s.slot, s.minutes, s.start_time, s.end_time, s.trainer, s.place, s.mode,
       c.by_party AS cancelled_by, c.notified, c.reason,
       (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.supersedes IS NULL) AS entries
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = :convention
  AND (:module IS NULL OR m.code = :module)
  AND (:from IS NULL OR s.date >= :from)
  AND (:to IS NULL OR s.date <= :to)
ORDER BY s.date, s.slot, m.code;
