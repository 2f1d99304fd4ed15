-- The funding agreements of convention :convention: their terms, the effective decision date
-- (imported, or recorded by `funding decide`; NULL while pending) and what the OPCA has paid
-- under each (`funding list`).
SELECT f.ref, f.funder, coalesce(f.decided, d.decided) AS decided, f.hourly_rate_cents, f.cap_minutes, f.cap_cents,
       f.basis, f.subrogation, f.modules, f.trainees,
       (SELECT count(*) FROM funder_receipt r WHERE r.funding_id = f.id) AS receipts,
       (SELECT coalesce(sum(r.amount_cents), 0) FROM funder_receipt r WHERE r.funding_id = f.id) AS received_cents
FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id
WHERE f.convention_id = :convention
ORDER BY f.ref;
