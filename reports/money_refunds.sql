-- Refunds by the training bodies of convention :convention dated up to :to, per body and module.
SELECT o.key AS org, m.code AS module, sum(r.amount_cents) AS refunded_cents
FROM training_org o
JOIN refund r ON r.org_id = o.id AND r.date <= :to
JOIN module m ON m.id = r.module_id
WHERE o.convention_id = :convention
GROUP BY o.key, m.code;
