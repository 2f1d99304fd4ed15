SELECT * FROM beneficiary WHERE convention_id = ?;
