-- What the schema holds before the ledger touches it: any table at all, and the chain head every
-- ledger has had since its first schema.
SELECT count(*) AS objects, count(*) FILTER (WHERE c.relname = 'chain_head') AS ledger
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p');
