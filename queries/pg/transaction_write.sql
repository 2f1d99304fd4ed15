-- A write: each statement sees what was committed before it (after chain_head_lock.sql).
BEGIN ISOLATION LEVEL READ COMMITTED;
