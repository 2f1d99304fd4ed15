-- Agreements decided after a trainee of their scope entered training (Art. 11: the agreement
-- must come before). Entry into training: the trainee's first half-day of the convention not
-- cancelled, on or after the day they join and before any departure, any module, attended or not.
WITH entry AS (
  SELECT t.id AS trainee_id, t.code, min(s.date) AS entered
  FROM trainee t
  JOIN session s ON s.convention_id = t.convention_id
  LEFT JOIN cancellation c ON c.session_id = s.id
  LEFT JOIN departure d ON d.trainee_id = t.id
  LEFT JOIN trainee_join j ON j.trainee_id = t.id
  WHERE t.convention_id = :convention AND c.id IS NULL AND (d.on_date IS NULL OR s.date < d.on_date)
    AND (j.joins IS NULL OR s.date >= j.joins)
  GROUP BY t.id
)
SELECT DISTINCT f.ref AS funding, coalesce(f.decided, fd.decided) AS decided, e.code AS trainee, e.entered
FROM funding f
LEFT JOIN funding_decision fd ON fd.funding_id = f.id
JOIN funding_scope sc ON sc.funding_id = f.id
JOIN entry e ON e.trainee_id = sc.trainee_id
WHERE f.convention_id = :convention
  AND coalesce(f.decided, fd.decided) > e.entered
ORDER BY f.ref, e.code;
