-- Every stored evidence file, for `verify` to rehash (read whole: no row id on PostgreSQL), with
-- the size its evidence rows recorded when one differs.
SELECT 0 AS file, f.convention_id, f.sha256, f.size,
       (SELECT min(e.id) FROM evidence e
        WHERE e.convention_id = f.convention_id AND e.sha256 = f.sha256 AND e.size <> f.size) AS wrong_size_entry
FROM evidence_file f
ORDER BY f.convention_id, f.sha256;
