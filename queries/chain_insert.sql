-- Template filled in by the chain writer: the table's name and one placeholder per column.
INSERT INTO {table} VALUES ({placeholders});
