-- The grants in force of :user, or of everyone when :user is NULL.
SELECT user_name, role, org, convention_ref FROM ledger_access_current
WHERE :user::text IS NULL OR user_name = :user
ORDER BY user_name, role, org, convention_ref NULLS FIRST;
