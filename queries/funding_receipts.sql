-- The OPCA's receipts under the agreements of convention :convention, oldest first
-- (`funding list --receipts`, and the check of receipts against claims).
SELECT r.id, r.date, f.ref AS funding, f.funder, r.amount_cents, r.recorded_at, r.recorded_by
FROM funder_receipt r JOIN funding f ON f.id = r.funding_id
WHERE f.convention_id = :convention
ORDER BY r.date, r.id;
