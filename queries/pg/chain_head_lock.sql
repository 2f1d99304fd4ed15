-- The chain head, locked until the write's COMMIT: writers append one after the other.
SELECT seq, hash FROM chain_head WHERE one = 1 FOR UPDATE;
