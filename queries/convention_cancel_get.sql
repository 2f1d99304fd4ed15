SELECT cc.*, o.key AS org_key FROM convention_cancel cc LEFT JOIN training_org o ON o.id = cc.org_id
WHERE cc.convention_id = ?;
