SELECT count(*) FROM attendance WHERE session_id = ?;
