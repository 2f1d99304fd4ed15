-- The organisations party to convention :convention: the beneficiary and the training bodies, by SIRET.
SELECT siret, 'beneficiary' AS party FROM beneficiary WHERE convention_id = :convention
UNION ALL
SELECT siret, 'training_org' AS party FROM training_org WHERE convention_id = :convention;
