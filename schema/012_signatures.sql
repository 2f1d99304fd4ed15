-- Migration 12: half-days signed in a browser (`ledger sign`). New tables only.
--
-- Each signature given on the trainees' or the trainer's page is an evidence file (its strokes as
-- an SVG image, kind `sheet`, type `svg`, schema/009) plus this row, which says who signed (the
-- trainee, or the trainer when trainee_id is NULL), on which sheet, at what server time (UTC) and
-- from what kind of pointer. A signature the trainer rejects is retracted like any evidence
-- (evidence_retraction), so that the trainee signs again; nothing is deleted.
CREATE TABLE signature (
  id           INTEGER PRIMARY KEY,
  evidence_id  INTEGER NOT NULL UNIQUE REFERENCES evidence(id),
  session_id   INTEGER NOT NULL REFERENCES session(id),
  trainee_id   INTEGER REFERENCES trainee(id),  -- NULL: the trainer's signature
  sheet        TEXT NOT NULL,
  signed_at    TEXT NOT NULL,  -- server time, UTC, ISO 8601
  pointer      TEXT NOT NULL CHECK (pointer IN ('pen', 'touch', 'mouse')),
  width        INTEGER NOT NULL CHECK (width > 0),   -- the canvas, in CSS pixels: the strokes' frame
  height       INTEGER NOT NULL CHECK (height > 0),
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);
CREATE INDEX signature_by_session ON signature (session_id);

INSERT INTO chained_table VALUES ('signature');
CREATE TRIGGER signature_no_update BEFORE UPDATE ON signature BEGIN SELECT RAISE(ABORT, 'signature is append-only: retract its evidence instead'); END;
CREATE TRIGGER signature_no_delete BEFORE DELETE ON signature BEGIN SELECT RAISE(ABORT, 'signature is append-only: retract its evidence instead'); END;
