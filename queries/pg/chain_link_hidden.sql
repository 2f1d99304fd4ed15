-- A restricted writer's entry linked after the head by the server, which returns its hash.
SELECT ledger_chain_link(:id, :encoded) AS hash;
