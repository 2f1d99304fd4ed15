-- Migration 6 on PostgreSQL: today's schemes (schema/006_today_schemes.sql says which), a CHECK
-- changed in place where SQLite rebuilds the table; rows, ids and hashes stay as they are.
ALTER TABLE convention DROP CONSTRAINT convention_nature_check;
ALTER TABLE convention ADD CONSTRAINT convention_nature_check
  CHECK (nature IN ('contrat_pro', 'periode_pro', 'pro_a', 'periode_reconversion', 'plan'));
