SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.convention_id = ?;
