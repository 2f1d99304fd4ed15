-- The invoices of convention :convention's training bodies dated up to :to, by body, date, number.
SELECT i.id, o.key AS org, i.number, i.date, i.kind, m.code AS module, i.amount_ht_cents, i.vat_rate_bp
FROM training_org o
JOIN invoice i ON i.org_id = o.id AND i.date <= :to
LEFT JOIN module m ON m.id = i.module_id
WHERE o.convention_id = :convention
ORDER BY o.key, i.date, i.number;
