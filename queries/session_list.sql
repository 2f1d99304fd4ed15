-- Half-days of one convention with their status and how many trainees have an entry. A
-- convention renounced as a whole (`convention cancel`) cancels every half-day not cancelled
-- before, by the party that renounced it and as of its notification: `with_convention`.
SELECT s.id, m.code AS module, s.date, s.slot, s.minutes, s.start_time, s.end_time, s.trainer, s.place, s.mode,
       coalesce(c.by_party, cc.by_party) AS cancelled_by, coalesce(c.notified, cc.notified) AS notified,
       c.id IS NULL AND cc.id IS NOT NULL AS with_convention,
       (SELECT count(*) FROM attendance_current a WHERE a.session_id = s.id) AS entries
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
LEFT JOIN convention_cancel cc ON cc.convention_id = s.convention_id
WHERE s.convention_id = :convention
  AND (:module IS NULL OR m.code = :module)
  AND (:from IS NULL OR s.date >= :from)
  AND (:to IS NULL OR s.date <= :to)
ORDER BY s.date, s.slot, m.code;
