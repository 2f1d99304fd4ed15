-- Template filled in by the migrations: the schema version the file now holds.
PRAGMA user_version = {version};
