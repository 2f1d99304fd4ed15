SELECT dn.*, o.key AS org_key FROM convention_denounce dn LEFT JOIN training_org o ON o.id = dn.org_id
WHERE dn.convention_id = ?;
