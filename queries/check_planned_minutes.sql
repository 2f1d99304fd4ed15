-- Per module: contractual minutes (Art. 7) and minutes planned in half-days not cancelled (nor
-- after a denounced convention's end, Art. 15).
SELECT m.code AS module, m.minutes AS contractual,
       coalesce((SELECT sum(s.minutes) FROM session s
                 WHERE s.module_id = m.id
                   AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
                   AND NOT EXISTS (SELECT 1 FROM convention_denounce dn WHERE dn.convention_id = s.convention_id
                                   AND s.date > dn.ends_on AND (dn.by_party = 'beneficiary' OR dn.org_id = m.org_id))), 0) AS planned
FROM module_terms m
WHERE m.convention_id = :convention
ORDER BY m.code;
