-- Art. 7 and Art. 9: each module of a convention, in the order the convention lists them, with its
-- training body and the dates of its first and last half-day not cancelled.
SELECT m.code, m.label, m.minutes, m.training_minutes, m.support_minutes, m.evaluation_minutes, m.days_x100,
       m.elearning, m.place, m.price_ht_cents,
       o.key AS org_key, o.name AS org_name, o.internal AS org_internal, o.vat_rate_bp,
       (SELECT min(s.date) FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
         WHERE s.module_id = m.id AND c.id IS NULL) AS first_date,
       (SELECT max(s.date) FROM session s LEFT JOIN cancellation c ON c.session_id = s.id
         WHERE s.module_id = m.id AND c.id IS NULL) AS last_date
FROM module_terms m JOIN training_org o ON o.id = m.org_id
WHERE m.convention_id = ?
ORDER BY m.id;
