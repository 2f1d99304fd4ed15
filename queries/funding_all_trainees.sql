-- Agreements whose scope is every trainee: a trainee enrolled later joins them.
SELECT id, ref, modules FROM funding WHERE convention_id = ? AND trainees IS NULL ORDER BY ref;
