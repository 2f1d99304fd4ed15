-- Run on every connection to a ledger file (not an in-memory ledger). FULL: a commit reported
-- done survives a power cut, as a ledger of signatures must.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
