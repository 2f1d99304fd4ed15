-- What every PostgreSQL connection of the ledger sets first (PgConnection).
-- No JIT compilation: the ledger's statements read one convention and run in milliseconds, but
-- where the planner lacks statistics (attendance right after a bulk import, before autovacuum
-- analyzes it) its estimates pass jit_above_cost, and compiling them with LLVM took 1.3 s of a
-- month report's 1.4 s at 1M entries.
SET jit = off;
