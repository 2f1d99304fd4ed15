-- Whether a convention holds an evidence file (PostgreSQL reads the bytes whole: no row id).
SELECT 0 AS rowid FROM evidence_file WHERE convention_id = ? AND sha256 = ?;
