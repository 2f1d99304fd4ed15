-- Run on a backup copy: one self-contained file, not a WAL database that needs its side files.
PRAGMA journal_mode = DELETE;
