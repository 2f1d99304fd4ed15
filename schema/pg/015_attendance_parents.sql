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
-- (a foreign key's check does too). Each parent is looked up once per statement however many of
-- its entries came (DISTINCT): a COPY of 100,000 entries names a few thousand half-days.
CREATE OR REPLACE FUNCTION ledger_attendance_parents() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  missing text;
BEGIN
  SELECT 'half-day ' || n.session_id INTO missing FROM (SELECT DISTINCT session_id FROM new_rows) n
  WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.id = n.session_id) LIMIT 1;
  IF missing IS NULL THEN
    SELECT 'trainee ' || n.trainee_id INTO missing FROM (SELECT DISTINCT trainee_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM trainee t WHERE t.id = n.trainee_id) LIMIT 1;
  END IF;
  IF missing IS NULL THEN
    SELECT 'entry ' || n.supersedes INTO missing FROM new_rows n
    WHERE n.supersedes IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.id = n.supersedes) LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'attendance refers to no such %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER attendance_parents AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_attendance_parents();
