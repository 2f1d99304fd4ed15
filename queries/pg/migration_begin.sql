-- A migration step's transaction: one `init` at a time (a lock held until COMMIT), and the
-- functions the translated schema and queries use (schema/pg/dialect.txt).
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('ledger schema'));
-- The append-only triggers' refusal: SQLite's RAISE(ABORT, message), a constraint error.
CREATE OR REPLACE FUNCTION ledger_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;
-- sum() of integers as an integer, as SQLite's.
CREATE OR REPLACE AGGREGATE isum(bigint) (SFUNC = int8pl, STYPE = bigint);
-- SQLite's two-argument max() and min().
CREATE OR REPLACE FUNCTION max(bigint, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT greatest($1, $2)';
CREATE OR REPLACE FUNCTION min(bigint, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT least($1, $2)';
-- SQLite's hex() of a blob: upper-case hexadecimal.
CREATE OR REPLACE FUNCTION hex(bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT upper(encode($1, 'hex'))$$;
