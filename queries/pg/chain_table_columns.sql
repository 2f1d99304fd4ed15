-- The columns of a chained table in declared order (`id` first, `hash` last).
SELECT a.attname::text AS name
FROM pg_attribute a
WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;
