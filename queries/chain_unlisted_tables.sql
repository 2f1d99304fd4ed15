-- Tables holding chain links (a `hash` column) that `verify` would not read: the chained_table
-- list must name every one of them.
SELECT m.name
FROM sqlite_master m
WHERE m.type = 'table'
  AND m.name <> 'chain_head'
  AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'hash')
  AND m.name NOT IN (SELECT name FROM chained_table)
ORDER BY m.name;
