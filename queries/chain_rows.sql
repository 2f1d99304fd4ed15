-- Template: {table} is one name from chained_table. Columns in declared order; hash is last.
SELECT * FROM {table} ORDER BY id;
