-- The modules of version :version of a convention, with that version's hours and prices.
SELECT m.*, o.key AS org_key, o.name AS org_name, o.vat_rate_bp
FROM module_version m JOIN training_org o ON o.id = m.org_id
WHERE m.convention_id = :convention AND m.version = :version
ORDER BY m.id;  -- the order of the convention file: the parcours
