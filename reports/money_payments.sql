-- The beneficiary's payments dated up to :to on the invoices of convention :convention (each
-- payment's HT part is rounded on its own, so they come one by one).
SELECT p.invoice_id, p.date, p.amount_cents
FROM training_org o
JOIN invoice i ON i.org_id = o.id
JOIN payment p ON p.invoice_id = i.id AND p.date <= :to
WHERE o.convention_id = :convention
ORDER BY p.invoice_id, p.date, p.id;
