-- The beneficiary's payments on the invoices of convention :convention (of body :org when not
-- NULL), with the refusal forced and its reason when one was (`payment list`). A payment can
-- force one refusal only (overpayment), so the join gives one row per payment.
SELECT p.id, p.date, o.key AS org, i.number AS invoice, m.code AS module, p.amount_cents, i.amount_ht_cents,
       i.vat_rate_bp, f.refusal AS forced, f.reason, p.recorded_at, p.recorded_by
FROM payment p
JOIN invoice i ON i.id = p.invoice_id
JOIN training_org o ON o.id = i.org_id
LEFT JOIN module m ON m.id = i.module_id
LEFT JOIN forced_write f ON f.payment_id = p.id
WHERE o.convention_id = :convention AND (:org IS NULL OR o.id = :org)
ORDER BY p.date, p.id;
