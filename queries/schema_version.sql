-- The schema version of the ledger file: how many schema/*.sql migrations it holds.
PRAGMA user_version;
