-- `ledger copy`: the evidence files of one convention, bytes included.
SELECT sha256, size, content FROM evidence_file WHERE convention_id = ? ORDER BY sha256;
