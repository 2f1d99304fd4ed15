-- A read: every query sees the same ledger, even while others write (ReadSnapshot).
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
