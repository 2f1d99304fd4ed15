-- The append-only triggers of the chained tables that are no longer there (or no longer refuse).
WITH expected(name, tbl) AS (
  SELECT name || '_no_update', name FROM chained_table
  UNION ALL
  SELECT name || '_no_delete', name FROM chained_table
)
SELECT e.name
FROM expected e
WHERE NOT EXISTS (SELECT 1 FROM sqlite_master t
                  WHERE t.type = 'trigger' AND t.name = e.name AND t.tbl_name = e.tbl
                    AND t.sql LIKE '%RAISE(ABORT%')
ORDER BY e.name;
