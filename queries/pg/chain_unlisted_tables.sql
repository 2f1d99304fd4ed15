-- Tables holding chain links (a `hash` column) that `verify` would not read.
SELECT c.relname::text COLLATE "C" AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'chain_head'
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'hash' AND NOT a.attisdropped)
  AND c.relname::text COLLATE "C" NOT IN (SELECT name FROM chained_table)
ORDER BY 1;
