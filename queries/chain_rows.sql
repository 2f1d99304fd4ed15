-- Template filled in by `verify`: one chained table's rows in chain order; the hash column is last.
SELECT * FROM {table} ORDER BY id;
