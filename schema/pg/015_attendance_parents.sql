-- Migration 15 on PostgreSQL: the parents of new attendance entries (their half-day, their trainee,
-- the entry a correction supersedes) checked once per statement, over all the rows it inserted,
-- instead of by a foreign key's trigger queued and run for each row: a bulk import's COPY of
-- 100,000 entries spent most of its server time there. A foreign key also guards its parent's
-- UPDATE and DELETE; the parents are append-only (their UPDATE, DELETE and TRUNCATE are refused by
-- the triggers of migration 1), so the check on insert is all that is left to do.
ALTER TABLE attendance DROP CONSTRAINT attendance_session_id_fkey;
ALTER TABLE attendance DROP CONSTRAINT attendance_trainee_id_fkey;
ALTER TABLE attendance DROP CONSTRAINT attendance_supersedes_fkey;

-- SECURITY DEFINER: the check sees every parent, whatever the row-level security of the writer
-- (a foreign key's check does too). Scalar subqueries, one probe of a primary key each: NOT EXISTS
-- under OR was planned as a hashed subplan reading the whole parent table.
CREATE OR REPLACE FUNCTION ledger_attendance_parents() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  orphan record;
BEGIN
  SELECT n.id, n.session_id, n.trainee_id, n.supersedes INTO orphan
  FROM new_entries n
  WHERE (SELECT s.id FROM session s WHERE s.id = n.session_id) IS NULL
     OR (SELECT t.id FROM trainee t WHERE t.id = n.trainee_id) IS NULL
     OR (n.supersedes IS NOT NULL AND (SELECT a.id FROM attendance a WHERE a.id = n.supersedes) IS NULL)
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'attendance entry % refers to no such half-day %, trainee % or entry %',
      orphan.id, orphan.session_id, orphan.trainee_id, orphan.supersedes
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER attendance_parents AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_attendance_parents();
