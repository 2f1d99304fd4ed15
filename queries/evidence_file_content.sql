-- An evidence file's bytes, whole (PostgreSQL's reading; SQLite's reads them in chunks).
SELECT content FROM evidence_file WHERE convention_id = ? AND sha256 = ?;
