-- What training body :org has refunded for module :module so far.
SELECT coalesce(sum(amount_cents), 0) AS refunded_cents FROM refund WHERE org_id = :org AND module_id = :module;
