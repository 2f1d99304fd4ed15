-- Template filled in by the migrations: the schema version the ledger now holds, as its schema's comment.
DO $$ BEGIN EXECUTE format('COMMENT ON SCHEMA %I IS %L', current_schema(), 'ledger schema {version}'); END $$;
