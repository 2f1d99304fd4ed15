SELECT f.*, coalesce(f.decided, d.decided) AS decided_on
FROM funding f LEFT JOIN funding_decision d ON d.funding_id = f.id
WHERE f.convention_id = ? AND f.ref = ?;
