-- A trainer booked for two half-days at once (same date and slot, neither cancelled), anywhere in
-- the ledger. Trainers are compared by name, trimmed and case-folded (ASCII). Two conventions
-- sharing one class (same module code, same place) are one group, not a conflict; within one
-- convention every pair is reported once. Half-days of a convention renounced as a whole are
-- cancelled with it.
WITH held AS (
  SELECT s.id, s.convention_id, v.ref AS convention, m.code AS module, s.date, s.slot, s.trainer,
         lower(trim(s.trainer)) AS who, coalesce(s.place, m.place, '') AS place
  FROM session s
  JOIN convention v ON v.id = s.convention_id
  JOIN module m ON m.id = s.module_id
  LEFT JOIN cancellation c ON c.session_id = s.id
  WHERE c.id IS NULL AND trim(coalesce(s.trainer, '')) <> ''
    AND NOT EXISTS (SELECT 1 FROM convention_cancel cc WHERE cc.convention_id = s.convention_id)
)
SELECT a.date, a.slot, a.trainer, a.module, a.place, b.convention AS other_convention, b.module AS other_module,
       b.place AS other_place
FROM held a
JOIN held b ON b.date = a.date AND b.slot = a.slot AND b.who = a.who AND b.id <> a.id
WHERE a.convention_id = :convention
  AND (b.convention_id <> a.convention_id OR b.id > a.id)
  AND NOT (b.convention_id <> a.convention_id AND b.module = a.module AND b.place = a.place)
ORDER BY a.date, a.slot, a.module, b.convention, b.module;
