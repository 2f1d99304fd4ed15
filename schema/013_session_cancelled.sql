-- Migration 13: why a half-day does not take place, in one view read by the session list, the
-- sheets and the auditor's sessions.csv. A half-day is cancelled on its own (`session cancel`,
-- Art. 14-3), with the whole convention when it is renounced (Art. 14-1, 14-2: every half-day
-- not cancelled before), or when it falls after the end a denunciation sets (Art. 15: a training
-- body's covers its own modules only). entry_id and hash name the chained row that cancels it.
CREATE VIEW session_cancelled AS
SELECT s.id AS session_id,
       coalesce(c.by_party, cc.by_party, dn.by_party) AS by_party,
       coalesce(c.notified, cc.notified, dn.notified) AS notified,
       coalesce(c.reason, cc.reason, dn.reason) AS reason,
       coalesce(c.id, cc.id, dn.id) AS entry_id,
       coalesce(c.hash, cc.hash, dn.hash) AS hash,
       CASE WHEN c.id IS NULL THEN 1 ELSE 0 END AS with_convention
FROM session s
JOIN module m ON m.id = s.module_id
LEFT JOIN cancellation c ON c.session_id = s.id
LEFT JOIN convention_cancel cc ON cc.convention_id = s.convention_id
LEFT JOIN convention_denounce dn ON dn.convention_id = s.convention_id AND s.date > dn.ends_on
                                AND (dn.by_party = 'beneficiary' OR dn.org_id = m.org_id)
WHERE c.id IS NOT NULL OR cc.id IS NOT NULL OR dn.id IS NOT NULL;
