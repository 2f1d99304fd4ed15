-- The invoices of a convention's training bodies bearing this number (one per body at most),
-- with what the beneficiary has paid on each so far.
SELECT i.id, i.number, i.date, i.kind, i.amount_ht_cents, i.vat_rate_bp, o.key AS org_key,
       (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.invoice_id = i.id) AS paid_cents
FROM invoice i JOIN training_org o ON o.id = i.org_id
WHERE o.convention_id = :convention AND i.number = :number
ORDER BY o.key;
