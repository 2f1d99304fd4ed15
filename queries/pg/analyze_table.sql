-- Template filled in after a write that appended many rows to {table} (store/ledger.cpp).
ANALYZE {table};
