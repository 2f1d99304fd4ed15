-- The schema version of a PostgreSQL ledger: PostgreSQL has no user_version, so the version is the
-- comment of the ledger's schema (queries/pg/schema_version_set.sql), 0 before the first migration.
SELECT coalesce(max(substring(obj_description(n.oid, 'pg_namespace') FROM '^ledger schema ([0-9]+)$')::bigint), 0)
FROM pg_namespace n
WHERE n.nspname = current_schema();
