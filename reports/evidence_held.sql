-- Whether convention :convention holds any evidence file (one that keeps all its proofs on paper
-- elsewhere is not told, half-day by half-day, that the ledger holds none).
SELECT EXISTS (SELECT 1 FROM evidence WHERE convention_id = :convention) AS held;
