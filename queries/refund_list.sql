-- The refunds of convention :convention's training bodies (of body :org when not NULL), with the
-- refusal forced and its reason when one was (`refund list`; one refusal per refund: overrefund).
SELECT r.id, r.date, o.key AS org, m.code AS module, r.amount_cents, f.refusal AS forced, f.reason,
       r.recorded_at, r.recorded_by
FROM refund r
JOIN training_org o ON o.id = r.org_id
JOIN module m ON m.id = r.module_id
LEFT JOIN forced_write f ON f.refund_id = r.id
WHERE o.convention_id = :convention AND (:org IS NULL OR o.id = :org)
ORDER BY r.date, r.id;
