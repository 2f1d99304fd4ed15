-- Entries that stand on one half-day (voided ones are as never recorded).
SELECT count(*) FROM attendance_current WHERE session_id = ?;
