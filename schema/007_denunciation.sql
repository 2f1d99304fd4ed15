-- Migration 7: Art. 15, a convention denounced by one party with a month's notice
-- (`convention denounce`). A new chained table: no existing row changes.
-- `ends_on` is E, the earlier of the convention's `ends` and `notified` plus one month (same day
-- number, or that month's last day), as computed when it was recorded. Half-days dated after E
-- count as cancelled on `notified` by `by_party` (a training body's: its own modules only).
CREATE TABLE convention_denounce (
  id             INTEGER PRIMARY KEY,
  convention_id  INTEGER NOT NULL UNIQUE REFERENCES convention(id),
  by_party       TEXT NOT NULL CHECK (by_party IN ('of', 'beneficiary')),
  org_id         INTEGER REFERENCES training_org(id),  -- the denouncing OF, when by_party = 'of'
  notified       TEXT NOT NULL,
  ends_on        TEXT NOT NULL,
  reason         TEXT NOT NULL,
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  hash           BLOB NOT NULL
);
INSERT INTO chained_table VALUES ('convention_denounce');
CREATE TRIGGER convention_denounce_no_update BEFORE UPDATE ON convention_denounce BEGIN SELECT RAISE(ABORT, 'convention_denounce is append-only: record a correction instead'); END;
CREATE TRIGGER convention_denounce_no_delete BEFORE DELETE ON convention_denounce BEGIN SELECT RAISE(ABORT, 'convention_denounce is append-only: record a correction instead'); END;
