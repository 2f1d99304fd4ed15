-- Entries that stand (voided ones are as never recorded) on the half-days of a convention.
SELECT count(*) FROM attendance_current a JOIN session s ON s.id = a.session_id WHERE s.convention_id = ?;
