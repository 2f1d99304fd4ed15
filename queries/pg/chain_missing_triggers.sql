-- The append-only triggers of the chained tables that are no longer there, disabled, or no longer
-- refuse (schema/pg/dialect.txt makes them, TRUNCATE's too).
WITH expected(name, tbl) AS (
  SELECT name || '_no_update', name FROM chained_table
  UNION ALL
  SELECT name || '_no_delete', name FROM chained_table
  UNION ALL
  SELECT name || '_no_truncate', name FROM chained_table
)
SELECT e.name
FROM expected e
WHERE NOT EXISTS (SELECT 1 FROM pg_trigger t
                  WHERE t.tgrelid = to_regclass(e.tbl) AND t.tgname::text COLLATE "C" = e.name
                    AND t.tgenabled <> 'D' AND t.tgfoid = 'ledger_refuse'::regproc)
ORDER BY e.name;
