-- Template filled in after a write that appended many rows (store/ledger.cpp): the tables it
-- appended to, each with the columns to analyze, and those with no statistics yet.
ANALYZE {tables};
