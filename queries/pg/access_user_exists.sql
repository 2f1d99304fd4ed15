-- Whether :user is a login of the database server (the server's administrator creates it, with its password).
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :user AND rolcanlogin) AS known;
