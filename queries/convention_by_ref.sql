SELECT id FROM convention WHERE ref = ?;
