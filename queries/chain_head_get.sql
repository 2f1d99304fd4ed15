SELECT seq, hash FROM chain_head WHERE one = 1;
