-- Migration 3 on PostgreSQL: the same indexes as SQLite's rebuilt attendance table, without the
-- rebuild (PostgreSQL checks the absence CHECK without a temporary index, and a table referred to
-- cannot be dropped). One unique index on (session_id, trainee_id, coalesce(supersedes, 0)) does
-- the work of the partial unique index on first entries and of migration 2's report index.
DROP INDEX attendance_first_entry;
DROP INDEX attendance_by_session;
CREATE UNIQUE INDEX attendance_entry ON attendance (session_id, trainee_id, coalesce(supersedes, 0));

-- A convention's grades, corrections included (queries/convention_chain_ids.sql).
CREATE INDEX grade_by_trainee ON grade (trainee_id);
