SELECT * FROM training_org WHERE convention_id = ? ORDER BY key;
