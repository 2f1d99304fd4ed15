-- Version :version of convention :convention: its terms (`ends`, clauses) and `next_id`, the
-- chain id of the next avenant (NULL for the latest): rows recorded before it belong to it.
SELECT * FROM convention_version WHERE convention_id = :convention AND version = :version;
