-- Entries of one trainee on half-days dated on or after a day.
SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE a.trainee_id = ? AND s.date >= ?;
