-- The ledger's tables that hold rows but were never analyzed, by ANALYZE or autovacuum (the
-- trainees of conventions imported one by one, none of those writes a bulk load), as ANALYZE
-- names them.
SELECT quote_ident(s.relname) FROM pg_stat_user_tables s
WHERE s.schemaname = current_schema() AND s.last_analyze IS NULL AND s.last_autoanalyze IS NULL
  AND pg_relation_size(s.relid) > 0
ORDER BY s.relname;
