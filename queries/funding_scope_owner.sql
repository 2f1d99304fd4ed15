SELECT f.ref FROM funding_scope s JOIN funding f ON f.id = s.funding_id WHERE s.module_id = ? AND s.trainee_id = ?;
