UPDATE chain_head SET seq = :seq, hash = :hash WHERE one = 1;
