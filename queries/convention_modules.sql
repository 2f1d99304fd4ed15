SELECT m.*, o.key AS org_key, o.name AS org_name
FROM module_terms m JOIN training_org o ON o.id = m.org_id
WHERE m.convention_id = ?
ORDER BY m.code;
