-- The activities of module :module with their estimated time, in the order the file declared them.
SELECT id, code, label, minutes, kind FROM module_activity WHERE module_id = :module ORDER BY id;
