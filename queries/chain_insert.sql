-- Template: {table} is one name from chained_table, {placeholders} one ? per column.
INSERT INTO {table} VALUES ({placeholders});
