-- Fields the seed convention asks for that were left empty at import: `part` names the TOML table,
-- `item` the module code or trainee id or training body key, `field` the TOML key, `article` where
-- the seed asks for it.
WITH v AS (SELECT * FROM convention_terms WHERE id = :convention)
SELECT 'convention' AS part, '' AS item, 'signed_place' AS field, 'Art. 15 (Fait à)' AS article FROM v WHERE coalesce(signed_place, '') = ''
UNION ALL SELECT 'convention', '', 'signed_on', 'Art. 15 (le)' FROM v WHERE coalesce(signed_on, '') = ''
UNION ALL SELECT 'clauses', '', 'beneficiary_notice_days', 'Art. 13 (14-1)' FROM v WHERE beneficiary_notice_days IS NULL
UNION ALL SELECT 'clauses', '', 'beneficiary_percent or beneficiary_amount', 'Art. 13 (14-1)' FROM v
  WHERE beneficiary_percent_bp IS NULL AND beneficiary_amount_cents IS NULL
UNION ALL SELECT 'clauses', '', 'of_notice_days', 'Art. 13 (14-2)' FROM v WHERE of_notice_days IS NULL
UNION ALL SELECT 'clauses', '', 'of_percent or of_amount', 'Art. 13 (14-2)' FROM v
  WHERE of_percent_bp IS NULL AND of_amount_cents IS NULL
UNION ALL SELECT 'clauses', '', 'partial_percent ou partial_amount', 'Art. 13 (14-3)' FROM v
  WHERE partial_percent_bp IS NULL AND partial_amount_cents IS NULL
UNION ALL
SELECT 'beneficiary', '', f.field, 'parties' FROM beneficiary b
CROSS JOIN (SELECT 'address' AS field UNION ALL SELECT 'representative' UNION ALL SELECT 'title' UNION ALL SELECT 'icom') f
WHERE b.convention_id = :convention
  AND coalesce(CASE f.field WHEN 'address' THEN b.address WHEN 'representative' THEN b.representative
                            WHEN 'title' THEN b.title ELSE b.icom END, '') = ''
UNION ALL
SELECT 'training_org', o.key, f.field, 'parties' FROM training_org o
CROSS JOIN (SELECT 'address' AS field UNION ALL SELECT 'representative' UNION ALL SELECT 'title' UNION ALL SELECT 'icom') f
WHERE o.convention_id = :convention
  AND coalesce(CASE f.field WHEN 'address' THEN o.address WHEN 'representative' THEN o.representative
                            WHEN 'title' THEN o.title ELSE o.icom END, '') = ''
UNION ALL
SELECT 'module', m.code, 'days', 'Art. 7 (durée en jours)' FROM module_terms m
WHERE m.convention_id = :convention AND m.days_x100 IS NULL
UNION ALL
SELECT 'module', m.code, 'place', 'Art. 9 (lieu de formation)' FROM module m
WHERE m.convention_id = :convention AND coalesce(m.place, '') = ''
UNION ALL
SELECT 'trainee', t.code, 'birth_date', 'Art. 5 (âge du stagiaire)' FROM trainee t
WHERE t.convention_id = :convention AND coalesce(t.birth_date, '') = ''
UNION ALL
SELECT 'trainee', t.code, 'function', 'Art. 5 (fonction du stagiaire)' FROM trainee t
WHERE t.convention_id = :convention AND coalesce(t.function, '') = ''
UNION ALL
SELECT 'trainee', t.code, f.field, 'Art. 7 (70 % du contrat de professionnalisation)' FROM trainee t
JOIN v ON v.id = t.convention_id AND v.nature = 'contrat_pro'
CROSS JOIN (SELECT 'contract_start' AS field UNION ALL SELECT 'contract_end') f
WHERE coalesce(CASE f.field WHEN 'contract_start' THEN t.contract_start ELSE t.contract_end END, '') = '';
