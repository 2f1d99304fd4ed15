-- Migration 9: evidence files held in the ledger (signed sheets, attestations, LMS exports).
-- New tables only: no existing row's encoding changes, so a ledger made before verifies after.
--
-- `evidence_file` holds the bytes, content-addressed per convention: the same file attached twice
-- in one convention is stored once, and nothing is shared across conventions (a shared ledger's
-- access rules, by convention, cover the evidence too). It is not a link of the chain itself: the
-- chained `evidence` row carries the content's SHA-256 and size, and `verify` rehashes the bytes.
-- No `hash` column, so that the chain's check of unlisted tables leaves it alone.
CREATE TABLE evidence_file (
  convention_id  INTEGER NOT NULL REFERENCES convention(id),
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),  -- lower-case hex of the content
  size           INTEGER NOT NULL CHECK (size > 0),
  content        BLOB NOT NULL,
  PRIMARY KEY (convention_id, sha256)
);
CREATE TRIGGER evidence_file_no_update BEFORE UPDATE ON evidence_file BEGIN SELECT RAISE(ABORT, 'evidence_file is append-only: retract the evidence instead'); END;
CREATE TRIGGER evidence_file_no_delete BEFORE DELETE ON evidence_file BEGIN SELECT RAISE(ABORT, 'evidence_file is append-only: retract the evidence instead'); END;

-- One file standing behind a half-day (every trainee of it, or one), or behind a trainee's whole
-- module (session_id NULL: an attestation, an LMS export of the module).
CREATE TABLE evidence (
  id             INTEGER PRIMARY KEY,
  convention_id  INTEGER NOT NULL REFERENCES convention(id),
  module_id      INTEGER NOT NULL REFERENCES module(id),
  session_id     INTEGER REFERENCES session(id),
  trainee_id     INTEGER REFERENCES trainee(id),
  kind           TEXT NOT NULL CHECK (kind = 'sheet' OR kind = 'attestation' OR kind = 'lms' OR kind = 'other'),
  type           TEXT NOT NULL,  -- detected from the content: pdf png jpeg tiff csv tsv txt json xlsx
  size           INTEGER NOT NULL CHECK (size > 0),
  sha256         TEXT NOT NULL,
  name           TEXT NOT NULL,  -- the file's name when attached
  note           TEXT,
  recorded_at    TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  hash           BLOB NOT NULL,
  CHECK (session_id IS NOT NULL OR trainee_id IS NOT NULL),
  FOREIGN KEY (convention_id, sha256) REFERENCES evidence_file (convention_id, sha256)
);
CREATE INDEX evidence_by_session ON evidence (session_id);
CREATE INDEX evidence_by_module_trainee ON evidence (module_id, trainee_id);
CREATE INDEX evidence_by_convention ON evidence (convention_id);

-- A mistaken attachment is retracted, never deleted.
CREATE TABLE evidence_retraction (
  id           INTEGER PRIMARY KEY,
  evidence_id  INTEGER NOT NULL UNIQUE REFERENCES evidence(id),
  reason       TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);

INSERT INTO chained_table VALUES ('evidence'), ('evidence_retraction');
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence BEGIN SELECT RAISE(ABORT, 'evidence is append-only: record a correction instead'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence BEGIN SELECT RAISE(ABORT, 'evidence is append-only: record a correction instead'); END;
CREATE TRIGGER evidence_retraction_no_update BEFORE UPDATE ON evidence_retraction BEGIN SELECT RAISE(ABORT, 'evidence_retraction is append-only: record a correction instead'); END;
CREATE TRIGGER evidence_retraction_no_delete BEFORE DELETE ON evidence_retraction BEGIN SELECT RAISE(ABORT, 'evidence_retraction is append-only: record a correction instead'); END;
