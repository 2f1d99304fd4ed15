-- Art. 7 and Art. 9-1: the training bodies of a convention, in the order the convention lists them.
SELECT key, name, nda, internal, vat_rate_bp FROM training_org WHERE convention_id = ? ORDER BY id;
