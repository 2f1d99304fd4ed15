-- A restricted writer's turn on the chain head (access_setup.sql): its id only, locked until COMMIT.
SELECT ledger_chain_lock() AS seq;
