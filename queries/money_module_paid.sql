-- The beneficiary's payments dated up to :to on the training invoices of module :module, one by
-- one (each payment's HT part is rounded on its own), for the refund that may not exceed them.
SELECT p.amount_cents, i.amount_ht_cents, i.vat_rate_bp
FROM invoice i JOIN payment p ON p.invoice_id = i.id AND p.date <= :to
WHERE i.module_id = :module AND i.kind = 'training'
ORDER BY p.id;
