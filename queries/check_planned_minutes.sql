-- Per module: contractual minutes (Art. 7) and minutes planned in half-days not cancelled.
SELECT m.code AS module, m.minutes AS contractual,
       coalesce((SELECT sum(s.minutes) FROM session s
                 WHERE s.module_id = m.id
                   AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)), 0) AS planned
FROM module m
WHERE m.convention_id = :convention
ORDER BY m.code;
