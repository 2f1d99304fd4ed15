-- Half-days not cancelled, for the calendar rules (Sundays, public holidays).
SELECT s.date, s.slot, m.code AS module, s.trainer
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = :convention AND c.id IS NULL
ORDER BY s.date, s.slot, m.code;
