-- Every version of convention :convention (1: the import) with what each avenant changed, one
-- line per change; :version, when not NULL, keeps one version.
SELECT v.version, v.recorded_at, v.recorded_by, v.reason, v.ends, ch.field, ch.old_value, ch.new_value
FROM convention_version v
LEFT JOIN amendment_change ch ON ch.amendment_id = v.amendment_id
WHERE v.convention_id = :convention AND (:version IS NULL OR v.version = :version)
ORDER BY v.version, ch.id;
