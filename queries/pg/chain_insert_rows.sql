-- Template filled in by the chain writer for rows already linked and known to take no unique
-- key (Appender::append_new): the table's name and each row's placeholders. Unlike
-- chain_insert.sql a clash is not skipped: it fails the write.
INSERT INTO {table} VALUES {rows};
