-- Who may see and write what in a shared PostgreSQL ledger, enforced by the server (row-level
-- security) for every connection, the command line's and psql's alike. Run by `ledger init` after
-- the migrations, as the ledger's owner, in the migration transaction; idempotent, so that a table
-- added by a later migration gets its policies and privileges at the next `init`.
--
-- A user holds grants (ledger_access, appended by `ledger grant` / `ledger revoke`): a role
-- (coordinator, finance, auditor) for an organisation (a SIRET), optionally for one convention.
-- A grant covers the conventions where that organisation is a party (the beneficiary or a training
-- body). Coordinators read and write them; finance officers of the beneficiary read them and record
-- money movements; auditors read them. The owner (who ran `init`) is exempt, as PostgreSQL makes a
-- table's owner: that role verifies the whole chain. Anyone else sees nothing.
--
-- The chain (README, "A shared ledger on PostgreSQL"): a hash is a function of the entry before it,
-- so a user who saw the hash of another convention's entry and of the entry before that could
-- brute-force a low-entropy row (an attendance entry) between them. Restricted users therefore never
-- read the chain head nor any row of a convention they may not see: their writes link through
-- ledger_chain_lock() and ledger_chain_link(), and their checks through ledger_links_check(), all
-- SECURITY DEFINER functions that hand back nothing but the hash of their own new entry or the
-- first entry of theirs whose link fails.

CREATE TABLE IF NOT EXISTS ledger_access (
  n               bigint PRIMARY KEY,          -- 1, 2, 3…: appended under the table's lock
  action          text COLLATE "C" NOT NULL CHECK (action IN ('grant', 'revoke')),
  role            text COLLATE "C" NOT NULL CHECK (role IN ('coordinator', 'finance', 'auditor')),
  user_name       text COLLATE "C" NOT NULL,
  org             text COLLATE "C" NOT NULL,   -- a SIRET
  convention_ref  text COLLATE "C",            -- NULL: every convention of the organisation
  recorded_at     text COLLATE "C" NOT NULL,
  recorded_by     text COLLATE "C" NOT NULL
);
DROP TRIGGER IF EXISTS ledger_access_no_update ON ledger_access;
CREATE TRIGGER ledger_access_no_update BEFORE UPDATE ON ledger_access FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('ledger_access is append-only: revoke instead');
DROP TRIGGER IF EXISTS ledger_access_no_delete ON ledger_access;
CREATE TRIGGER ledger_access_no_delete BEFORE DELETE ON ledger_access FOR EACH ROW
  EXECUTE FUNCTION ledger_refuse('ledger_access is append-only: revoke instead');
DROP TRIGGER IF EXISTS ledger_access_no_truncate ON ledger_access;
CREATE TRIGGER ledger_access_no_truncate BEFORE TRUNCATE ON ledger_access FOR EACH STATEMENT
  EXECUTE FUNCTION ledger_refuse('ledger_access is append-only: revoke instead');

-- The grants in force: the last action on each (role, user, organisation, convention) is a grant.
CREATE OR REPLACE VIEW ledger_access_current AS
SELECT role, user_name, org, convention_ref FROM (
  SELECT DISTINCT ON (role, user_name, org, coalesce(convention_ref, '')) *
  FROM ledger_access ORDER BY role, user_name, org, coalesce(convention_ref, ''), n DESC) last
WHERE action = 'grant';

-- Whether session_user holds a grant of one of `roles` on convention `conv`. A convention being
-- created by the caller's own transaction has no parties yet: its coordinator may write it.
CREATE OR REPLACE FUNCTION ledger_granted(conv bigint, roles text[], beneficiary_only boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (
    SELECT 1 FROM ledger_access_current a JOIN convention c ON c.id = conv
    WHERE a.user_name = session_user AND a.role = ANY (roles)
      AND (a.convention_ref IS NULL OR a.convention_ref = c.ref)
      AND (a.org IN (SELECT b.siret FROM beneficiary b WHERE b.convention_id = conv)
           OR (NOT beneficiary_only AND a.org IN (SELECT o.siret FROM training_org o WHERE o.convention_id = conv))
           OR (a.role = 'coordinator' AND c.xmin::text = (pg_current_xact_id_if_assigned()::text::bigint % 4294967296)::text)))
$$;

-- A new convention: by a coordinator (of every convention of an organisation, or of this one).
CREATE OR REPLACE FUNCTION ledger_may_create(ref text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM ledger_access_current a WHERE a.user_name = session_user AND a.role = 'coordinator'
                 AND (a.convention_ref IS NULL OR a.convention_ref = ref))
$$;

CREATE OR REPLACE FUNCTION ledger_sees(conv bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT ledger_granted(conv, ARRAY['coordinator', 'finance', 'auditor'], false)
$$;

-- Coordinators write every table of their conventions; finance officers of the beneficiary the
-- money movements and their proofs.
CREATE OR REPLACE FUNCTION ledger_may_write(conv bigint, tbl text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT ledger_granted(conv, ARRAY['coordinator'], false)
      OR (tbl IN ('invoice', 'payment', 'refund', 'funder_receipt', 'forced_write', 'evidence', 'evidence_file')
          AND ledger_granted(conv, ARRAY['finance'], true))
$$;

-- The convention of a row reached through its parent (owner's rights: the parent's own policy must
-- not hide the answer from the policy that asks).
CREATE OR REPLACE FUNCTION ledger_convention_of(parent text, parent_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE conv bigint;
BEGIN
  IF parent_id IS NULL THEN RETURN NULL; END IF;
  CASE parent
    WHEN 'trainee' THEN SELECT convention_id INTO conv FROM trainee WHERE id = parent_id;
    WHEN 'session' THEN SELECT convention_id INTO conv FROM session WHERE id = parent_id;
    WHEN 'module' THEN SELECT convention_id INTO conv FROM module WHERE id = parent_id;
    WHEN 'funding' THEN SELECT convention_id INTO conv FROM funding WHERE id = parent_id;
    WHEN 'evidence' THEN SELECT convention_id INTO conv FROM evidence WHERE id = parent_id;
    WHEN 'convention_amendment' THEN SELECT convention_id INTO conv FROM convention_amendment WHERE id = parent_id;
    WHEN 'attendance' THEN SELECT s.convention_id INTO conv FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.id = parent_id;
    WHEN 'invoice' THEN SELECT m.convention_id INTO conv FROM invoice i JOIN module m ON m.id = i.module_id WHERE i.id = parent_id;
    WHEN 'payment' THEN
      SELECT m.convention_id INTO conv FROM payment p JOIN invoice i ON i.id = p.invoice_id JOIN module m ON m.id = i.module_id WHERE p.id = parent_id;
    WHEN 'refund' THEN SELECT m.convention_id INTO conv FROM refund r JOIN module m ON m.id = r.module_id WHERE r.id = parent_id;
  END CASE;
  RETURN conv;
END
$$;

-- How each table reaches its convention; a chained table missing here is refused below, so that a
-- new table cannot be left open by mistake.
DROP TABLE IF EXISTS ledger_table_convention;
CREATE TABLE ledger_table_convention (tbl text COLLATE "C" PRIMARY KEY, conv text NOT NULL);
INSERT INTO ledger_table_convention VALUES
  ('convention', 'id'),
  ('beneficiary', 'convention_id'), ('training_org', 'convention_id'), ('module', 'convention_id'),
  ('trainee', 'convention_id'), ('funding', 'convention_id'), ('session', 'convention_id'),
  ('convention_cancel', 'convention_id'), ('convention_denounce', 'convention_id'),
  ('convention_amendment', 'convention_id'), ('evidence', 'convention_id'), ('evidence_file', 'convention_id'),
  ('funding_scope', 'ledger_convention_of(''funding'', funding_id)'),
  ('funding_decision', 'ledger_convention_of(''funding'', funding_id)'),
  ('funder_receipt', 'ledger_convention_of(''funding'', funding_id)'),
  ('cancellation', 'ledger_convention_of(''session'', session_id)'),
  ('attendance', 'ledger_convention_of(''session'', session_id)'),
  ('signature', 'ledger_convention_of(''session'', session_id)'),
  ('departure', 'ledger_convention_of(''trainee'', trainee_id)'),
  ('grade', 'ledger_convention_of(''trainee'', trainee_id)'),
  ('trainee_email', 'ledger_convention_of(''trainee'', trainee_id)'),
  ('trainee_join', 'ledger_convention_of(''trainee'', trainee_id)'),
  ('activity_completion', 'ledger_convention_of(''trainee'', trainee_id)'),
  ('assistance', 'ledger_convention_of(''module'', module_id)'),
  ('invoice', 'ledger_convention_of(''module'', module_id)'),
  ('refund', 'ledger_convention_of(''module'', module_id)'),
  ('module_activity', 'ledger_convention_of(''module'', module_id)'),
  ('module_amendment', 'ledger_convention_of(''convention_amendment'', amendment_id)'),
  ('amendment_change', 'ledger_convention_of(''convention_amendment'', amendment_id)'),
  ('payment', 'ledger_convention_of(''invoice'', invoice_id)'),
  ('attendance_void', 'ledger_convention_of(''attendance'', entry_id)'),
  ('evidence_retraction', 'ledger_convention_of(''evidence'', evidence_id)'),
  ('forced_write', 'coalesce(ledger_convention_of(''payment'', payment_id), ledger_convention_of(''refund'', refund_id))');

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT name FROM chained_table WHERE name NOT IN (SELECT tbl FROM ledger_table_convention) LOOP
    RAISE EXCEPTION 'access_setup.sql: chained table % has no convention rule', t.name;
  END LOOP;
  FOR t IN SELECT tbl, conv FROM ledger_table_convention LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.tbl);
    EXECUTE format('DROP POLICY IF EXISTS ledger_read ON %I', t.tbl);
    EXECUTE format('CREATE POLICY ledger_read ON %I FOR SELECT USING (ledger_sees(%s))', t.tbl, t.conv);
    EXECUTE format('DROP POLICY IF EXISTS ledger_write ON %I', t.tbl);
    IF t.tbl = 'convention' THEN
      EXECUTE 'CREATE POLICY ledger_write ON convention FOR INSERT WITH CHECK (ledger_may_create(ref))';
    ELSE
      EXECUTE format('CREATE POLICY ledger_write ON %I FOR INSERT WITH CHECK (ledger_may_write(%s, %L))', t.tbl, t.conv, t.tbl);
    END IF;
  END LOOP;
  -- A view reads with its caller's rights, so that the policies hold through it.
  FOR t IN SELECT viewname FROM pg_views WHERE schemaname = current_schema() AND viewname <> 'ledger_access_current' LOOP
    EXECUTE format('ALTER VIEW %I SET (security_invoker = true)', t.viewname);
  END LOOP;
END
$$;

-- recorded_by is the database session user for everyone but the owner (whose `ledger copy` keeps the
-- names of the ledger copied). Checked once per statement over the rows it inserted: a BEFORE ROW
-- trigger, even one whose WHEN clause spares the call, makes COPY insert its rows one at a time
-- (8 % of a bulk import); the rows' transition table is the one attendance's parents check reads
-- (schema/pg/015_attendance_parents.sql), captured once for both.
CREATE OR REPLACE FUNCTION ledger_recorded_by_session_user() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE recorded_by IS DISTINCT FROM session_user::text)
     AND NOT pg_has_role(session_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'chain_head'), 'USAGE') THEN
    RAISE EXCEPTION 'recorded_by must be the session user %', session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c JOIN chained_table ct ON ct.name = c.table_name
           WHERE c.table_schema = current_schema() AND c.column_name = 'recorded_by' LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t.table_name || '_recorded_by', t.table_name);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
                   'EXECUTE FUNCTION ledger_recorded_by_session_user()',
                   t.table_name || '_recorded_by', t.table_name);
  END LOOP;
END
$$;

-- The chain for restricted writers: the head's row locked until COMMIT, its id alone returned.
CREATE OR REPLACE FUNCTION ledger_chain_lock() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE last bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_access_current WHERE user_name = session_user AND role IN ('coordinator', 'finance')) THEN
    RAISE EXCEPTION 'no grant to write in this ledger' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT seq INTO last FROM chain_head WHERE one = 1 FOR UPDATE;
  RETURN last;
END
$$;

-- Links the entry `id` (the caller's encoding of it, store/chain.hpp) after the head and returns its
-- hash; `id` must follow the head. A wrong encoding is the caller's loss: `verify` finds it.
CREATE OR REPLACE FUNCTION ledger_chain_link(id bigint, encoded bytea) RETURNS bytea
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE linked bytea;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_access_current WHERE user_name = session_user AND role IN ('coordinator', 'finance')) THEN
    RAISE EXCEPTION 'no grant to write in this ledger' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE chain_head SET seq = seq + 1, hash = sha256(hash || encoded) WHERE one = 1 AND seq + 1 = ledger_chain_link.id
  RETURNING hash INTO linked;
  IF linked IS NULL THEN
    RAISE EXCEPTION 'entry % does not follow the chain head', ledger_chain_link.id USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN linked;
END
$$;

-- Every chained row's id, hash and convention, for the check below.
DO $$
DECLARE
  parts text;
BEGIN
  SELECT string_agg(format('SELECT id, hash, %s AS convention_id FROM %I', r.conv, r.tbl), ' UNION ALL ' ORDER BY r.tbl)
  INTO parts FROM ledger_table_convention r JOIN chained_table ct ON ct.name = r.tbl;
  EXECUTE 'CREATE OR REPLACE VIEW ledger_chain_entry AS ' || parts;
END
$$;

-- A restricted user's check of their own entries: for each (id, the caller's encoding of the row),
-- whether hash(id) = SHA-256(hash(id - 1) || encoding). Returns the first id that fails, or NULL.
-- Only ids of conventions the caller sees are taken, so that the function cannot be asked about
-- another convention's rows.
CREATE OR REPLACE FUNCTION ledger_links_check(ids bigint[], encodings bytea[]) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE failed bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(ids) AS x(id) LEFT JOIN ledger_chain_entry e ON e.id = x.id
             WHERE e.id IS NULL OR NOT ledger_sees(e.convention_id)) THEN
    RAISE EXCEPTION 'an entry asked about is not one of yours' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT min(x.id) INTO failed
  FROM unnest(ids, encodings) AS x(id, encoding)
  JOIN ledger_chain_entry e ON e.id = x.id
  LEFT JOIN ledger_chain_entry p ON p.id = x.id - 1
  WHERE e.hash IS DISTINCT FROM sha256(coalesce(p.hash, decode(repeat('00', 32), 'hex')) || x.encoding);
  RETURN failed;
END
$$;

-- The functions are the owner's to hand out (`ledger grant`), not everyone's.
REVOKE ALL ON FUNCTION ledger_granted(bigint, text[], boolean), ledger_sees(bigint), ledger_may_write(bigint, text),
  ledger_may_create(text), ledger_convention_of(text, bigint), ledger_chain_lock(), ledger_chain_link(bigint, bytea),
  ledger_links_check(bigint[], bytea[]) FROM PUBLIC;

-- Privileges follow the grants in force, for every user who ever had one.
CREATE OR REPLACE FUNCTION ledger_sync_privileges(u text) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  t record;
  roles text[];
BEGIN
  SELECT coalesce(array_agg(DISTINCT role), '{}') INTO roles FROM ledger_access_current WHERE user_name = u;
  FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v') LOOP
    EXECUTE format('REVOKE ALL ON %I FROM %I', t.relname, u);
  END LOOP;
  EXECUTE format('REVOKE ALL ON FUNCTION ledger_granted(bigint, text[], boolean), ledger_sees(bigint), ledger_may_write(bigint, text),'
                 ' ledger_may_create(text), ledger_convention_of(text, bigint), ledger_chain_lock(), ledger_chain_link(bigint, bytea),'
                 ' ledger_links_check(bigint[], bytea[]) FROM %I', u);
  IF cardinality(roles) = 0 THEN RETURN; END IF;
  FOR t IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v')
             AND c.relname NOT IN ('chain_head', 'ledger_access', 'ledger_access_current', 'ledger_chain_entry', 'ledger_table_convention') LOOP
    EXECUTE format('GRANT SELECT ON %I TO %I', t.relname, u);
  END LOOP;
  EXECUTE format('GRANT EXECUTE ON FUNCTION ledger_granted(bigint, text[], boolean), ledger_sees(bigint), ledger_may_write(bigint, text),'
                 ' ledger_may_create(text), ledger_convention_of(text, bigint), ledger_links_check(bigint[], bytea[]) TO %I', u);
  IF 'coordinator' = ANY (roles) OR 'finance' = ANY (roles) THEN
    EXECUTE format('GRANT EXECUTE ON FUNCTION ledger_chain_lock(), ledger_chain_link(bigint, bytea) TO %I', u);
  END IF;
  FOR t IN SELECT tbl FROM ledger_table_convention LOOP
    IF 'coordinator' = ANY (roles) OR ('finance' = ANY (roles) AND t.tbl IN ('invoice', 'payment', 'refund', 'funder_receipt', 'forced_write', 'evidence', 'evidence_file')) THEN
      EXECUTE format('GRANT INSERT ON %I TO %I', t.tbl, u);
    END IF;
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION ledger_sync_privileges(text) FROM PUBLIC;

-- A table added since the last `init` is granted to the users who hold grants.
SELECT ledger_sync_privileges(user_name) FROM (SELECT DISTINCT user_name FROM ledger_access) users
WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = users.user_name);
