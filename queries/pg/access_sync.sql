-- The user's table privileges made to follow their grants in force (queries/pg/access_setup.sql).
SELECT ledger_sync_privileges(:user);
