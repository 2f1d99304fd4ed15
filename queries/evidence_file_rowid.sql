-- The stored bytes of one evidence file of a convention, for incremental blob I/O.
SELECT rowid FROM evidence_file WHERE convention_id = ? AND sha256 = ?;
