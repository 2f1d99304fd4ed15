-- The columns of a table's indexes (the ids and keys that joins and lookups go through), as ANALYZE
-- names them: after a bulk load the ledger analyzes these at once, and leaves the others to
-- autovacuum (store/ledger.cpp).
SELECT DISTINCT quote_ident(a.attname) AS name
FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
WHERE i.indrelid = to_regclass(?1)
ORDER BY name;
