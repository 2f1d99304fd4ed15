-- The modules of convention :convention with the training body that delivers each, in the order
-- of the convention file (the parcours), for the certificat de réalisation.
SELECT o.id AS org_id, o.key AS org_key, o.name AS org_name, o.siret AS org_siret, o.nda AS org_nda,
       o.address AS org_address, o.representative AS org_representative, o.title AS org_title,
       o.internal AS org_internal, m.code AS module, m.label, m.minutes, m.elearning
FROM module_terms m
JOIN training_org o ON o.id = m.org_id
WHERE m.convention_id = :convention
ORDER BY o.id, m.id;
