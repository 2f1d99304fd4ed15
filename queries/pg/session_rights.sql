-- Who writes (recorded_by is the database session user) and whether they may read the chain head:
-- the owner may; a user of `ledger grant` links and checks through the functions of access_setup.sql.
SELECT session_user AS name, has_table_privilege('chain_head', 'SELECT') AS head_readable;
