-- `ledger copy`: the values that are not links of the chain.
SELECT key, value FROM meta ORDER BY key;
