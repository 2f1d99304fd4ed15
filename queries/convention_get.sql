-- The latest version of the convention (schema/011_amendments.sql): every command computes with it.
SELECT * FROM convention_terms WHERE ref = ?;
