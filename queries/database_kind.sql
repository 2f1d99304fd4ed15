-- What a database file holds before the ledger touches it: any schema object at all, and the
-- chain head every ledger has had since its first schema.
SELECT (SELECT count(*) FROM sqlite_master) AS objects,
       (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'chain_head') AS ledger;
