SELECT name FROM chained_table ORDER BY name;
