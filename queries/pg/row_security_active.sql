-- Whether row-level security applies to this session's inserts into a table (queries/pg/access_setup.sql):
-- COPY FROM refuses such a table, so the chain writer inserts row by row there.
SELECT row_security_active(CAST(?1 AS text));
