-- The activities of the e-learning modules of convention ?, by module code then file order.
SELECT m.code AS module, a.code, a.label, a.kind, a.minutes
FROM module_activity a JOIN module m ON m.id = a.module_id
WHERE m.convention_id = ?
ORDER BY m.code, a.id;
