-- The ledger's tables that hold rows but no statistics yet (never analyzed nor vacuumed: reltuples
-- is -1 since PostgreSQL 14), as ANALYZE names them.
SELECT quote_ident(c.relname) FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.reltuples < 0
  AND pg_relation_size(c.oid) > 0
ORDER BY c.relname;
