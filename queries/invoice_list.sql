-- The invoices of convention :convention's training bodies (of body :org when not NULL), with
-- what the beneficiary has paid on each (`invoice list`).
SELECT i.id, o.key AS org, i.number, i.date, i.kind, m.code AS module, i.amount_ht_cents, i.vat_rate_bp,
       (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.invoice_id = i.id) AS paid_cents,
       i.recorded_at, i.recorded_by
FROM invoice i
JOIN training_org o ON o.id = i.org_id
LEFT JOIN module m ON m.id = i.module_id
WHERE o.convention_id = :convention AND (:org IS NULL OR o.id = :org)
ORDER BY i.date, o.key, i.number;
