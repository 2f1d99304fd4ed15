-- Art. 8: the training body that consolidates every trainee's grades for Ucanss.
SELECT key, name, nda FROM training_org WHERE convention_id = ? AND consolidates_grades = 1 ORDER BY id;
