-- Template filled in by the chain writer. A row whose unique key is taken is skipped rather than
-- refused: a refused statement would end PostgreSQL's whole transaction, where SQLite's goes on
-- (the writer sees no row written and reports the duplicate, store/ledger.cpp).
INSERT INTO {table} VALUES ({placeholders}) ON CONFLICT DO NOTHING;
