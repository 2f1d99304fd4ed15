-- Every chained entry of convention :convention: the agreement and its parties, modules,
-- trainees with their joining dates, funding, half-days with their cancellations, departures, attendance
-- (corrections and voids included), money movements (with the refusals forced on them), grades,
-- evidence (retractions included), the FOAD records (activities, e-mails, completions, assistance)
-- and avenants (with their module terms and changes). `export proofs` checks their links before writing.
SELECT id FROM convention WHERE id = :convention
UNION ALL SELECT id FROM beneficiary WHERE convention_id = :convention
UNION ALL SELECT id FROM training_org WHERE convention_id = :convention
UNION ALL SELECT id FROM module WHERE convention_id = :convention
UNION ALL SELECT id FROM trainee WHERE convention_id = :convention
UNION ALL SELECT id FROM funding WHERE convention_id = :convention
UNION ALL SELECT fs.id FROM funding_scope fs JOIN funding f ON f.id = fs.funding_id WHERE f.convention_id = :convention
UNION ALL SELECT fd.id FROM funding_decision fd JOIN funding f ON f.id = fd.funding_id WHERE f.convention_id = :convention
UNION ALL SELECT r.id FROM funder_receipt r JOIN funding f ON f.id = r.funding_id WHERE f.convention_id = :convention
UNION ALL SELECT id FROM session WHERE convention_id = :convention
UNION ALL SELECT c.id FROM cancellation c JOIN session s ON s.id = c.session_id WHERE s.convention_id = :convention
UNION ALL SELECT a.id FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.convention_id = :convention
UNION ALL SELECT v.id FROM attendance_void v JOIN attendance a ON a.id = v.entry_id JOIN session s ON s.id = a.session_id
          WHERE s.convention_id = :convention
UNION ALL SELECT d.id FROM departure d JOIN trainee t ON t.id = d.trainee_id WHERE t.convention_id = :convention
UNION ALL SELECT j.id FROM trainee_join j JOIN trainee t ON t.id = j.trainee_id WHERE t.convention_id = :convention
UNION ALL SELECT g.id FROM grade g JOIN trainee t ON t.id = g.trainee_id WHERE t.convention_id = :convention
UNION ALL SELECT id FROM convention_cancel WHERE convention_id = :convention
UNION ALL SELECT i.id FROM invoice i JOIN training_org o ON o.id = i.org_id WHERE o.convention_id = :convention
UNION ALL SELECT p.id FROM payment p JOIN invoice i ON i.id = p.invoice_id JOIN training_org o ON o.id = i.org_id
          WHERE o.convention_id = :convention
UNION ALL SELECT r.id FROM refund r JOIN training_org o ON o.id = r.org_id WHERE o.convention_id = :convention
UNION ALL SELECT f.id FROM forced_write f JOIN payment p ON p.id = f.payment_id JOIN invoice i ON i.id = p.invoice_id
          JOIN training_org o ON o.id = i.org_id WHERE o.convention_id = :convention
UNION ALL SELECT f.id FROM forced_write f JOIN refund r ON r.id = f.refund_id JOIN training_org o ON o.id = r.org_id
          WHERE o.convention_id = :convention
UNION ALL SELECT id FROM evidence WHERE convention_id = :convention
UNION ALL SELECT r.id FROM evidence_retraction r JOIN evidence e ON e.id = r.evidence_id WHERE e.convention_id = :convention
UNION ALL SELECT a.id FROM module_activity a JOIN module m ON m.id = a.module_id WHERE m.convention_id = :convention
UNION ALL SELECT e.id FROM trainee_email e JOIN trainee t ON t.id = e.trainee_id WHERE t.convention_id = :convention
UNION ALL SELECT c.id FROM activity_completion c JOIN trainee t ON t.id = c.trainee_id WHERE t.convention_id = :convention
UNION ALL SELECT a.id FROM assistance a JOIN module m ON m.id = a.module_id WHERE m.convention_id = :convention
UNION ALL SELECT id FROM convention_amendment WHERE convention_id = :convention
UNION ALL SELECT ma.id FROM module_amendment ma JOIN convention_amendment a ON a.id = ma.amendment_id WHERE a.convention_id = :convention
UNION ALL SELECT ch.id FROM amendment_change ch JOIN convention_amendment a ON a.id = ch.amendment_id WHERE a.convention_id = :convention;
