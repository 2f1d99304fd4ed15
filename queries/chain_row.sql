-- Template filled in by the chain's checks of chosen entries: the row of one chained table with
-- id ?, if that table holds it; the hash column is last.
SELECT * FROM {table} WHERE id = ?;
