-- Half-days (not cancelled) dated outside the convention's validity (Art. 14).
SELECT s.date, s.slot, m.code AS module, s.trainer, v.starts, v.ends
FROM session s
JOIN convention_terms v ON v.id = s.convention_id
JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
WHERE s.convention_id = :convention AND c.id IS NULL
  AND (s.date < v.starts OR s.date > v.ends)
ORDER BY s.date, s.slot, m.code;
