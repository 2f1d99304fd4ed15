-- Payments of training invoices (Art. 10 pays on proofs) made while held half-days of the
-- invoice's module (every module of the training body when the invoice names none), dated on or
-- before the payment, still lack a proof: an entry with minutes and an incomplete proof, or an
-- enrolled trainee (not departed by then) without an entry.
WITH paid AS (
  SELECT p.id AS payment, p.date AS paid_on, p.amount_cents, i.number AS invoice, o.key AS org, m.id AS module_id,
         m.code AS module
  FROM payment p
  JOIN invoice i ON i.id = p.invoice_id
  JOIN training_org o ON o.id = i.org_id
  JOIN module m ON m.convention_id = o.convention_id AND (m.id = i.module_id OR (i.module_id IS NULL AND m.org_id = o.id))
  WHERE o.convention_id = :convention AND i.kind = 'training'
),
lacking AS (
  SELECT DISTINCT pd.payment, pd.module_id, s.id AS session, s.date, s.slot
  FROM paid pd
  JOIN session s ON s.module_id = pd.module_id AND s.date <= pd.paid_on
  JOIN trainee t ON t.convention_id = s.convention_id
  LEFT JOIN departure d ON d.trainee_id = t.id
  LEFT JOIN attendance_current a ON a.session_id = s.id AND a.trainee_id = t.id
  WHERE NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.session_id = s.id)
    AND (d.on_date IS NULL OR s.date < d.on_date)
    AND (a.id IS NULL
         OR (a.minutes > 0 AND CASE WHEN s.mode = 'elearning' THEN a.proof = ''
                                    ELSE NOT (a.trainee_signed = 1 AND a.trainer_signed = 1) END))
)
SELECT pd.paid_on, pd.amount_cents, pd.invoice, pd.org, pd.module, count(l.session) AS half_days,
       min(l.date || ' ' || l.slot) AS first_lacking
FROM paid pd
JOIN lacking l ON l.payment = pd.payment AND l.module_id = pd.module_id
GROUP BY pd.payment, pd.module_id, pd.paid_on, pd.amount_cents, pd.invoice, pd.org, pd.module
ORDER BY pd.paid_on, pd.invoice, pd.module;
