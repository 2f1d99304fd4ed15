-- A grant or a revocation, appended under access_lock.sql's lock.
INSERT INTO ledger_access (n, action, role, user_name, org, convention_ref, recorded_at, recorded_by)
SELECT coalesce(max(n), 0) + 1, :action, :role, :user, :org, :convention, :recorded_at, session_user FROM ledger_access;
