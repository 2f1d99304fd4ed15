-- Template filled in by the chain writer for rows already linked and known to take no unique key
-- (Appender::append_new): the table's name and its columns, id first and hash last; the rows follow
-- in COPY's text format. Unlike chain_insert.sql a clash is not skipped: it fails the write.
COPY {table} ({columns}) FROM STDIN;
