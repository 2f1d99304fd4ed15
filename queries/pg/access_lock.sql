-- Grants and revocations numbered one after the other (queries/pg/access_setup.sql).
LOCK TABLE ledger_access IN EXCLUSIVE MODE;
