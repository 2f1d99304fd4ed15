-- The trainees with a first entry at one half-day (the unique key attendance_entry of
-- schema/003), for a writer that sends new entries without waiting for each (domain/attendance.cpp).
SELECT trainee_id FROM attendance WHERE session_id = ? AND supersedes IS NULL;
