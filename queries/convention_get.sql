SELECT * FROM convention WHERE ref = ?;
