-- `ledger copy`: one evidence file, as the ledger copied holds it.
INSERT INTO evidence_file (convention_id, sha256, size, content) VALUES (?, ?, ?, ?);
