SELECT c.ref, c.title, c.option, c.nature, c.starts, c.ends,
       (SELECT count(*) FROM trainee t WHERE t.convention_id = c.id) AS trainees,
       (SELECT count(*) FROM module m WHERE m.convention_id = c.id) AS modules,
       (SELECT count(*) FROM session s WHERE s.convention_id = c.id) AS sessions
FROM convention_terms c
ORDER BY c.ref;
