-- Run on every connection: the references between tables are checked.
PRAGMA foreign_keys = ON;
