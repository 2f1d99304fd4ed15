-- Migration 10: distance learning (FOAD), article D. 6313-3-1 of the code du travail: an
-- e-learning module shows its pedagogical activities with their estimated time, each trainee's
-- completions (from the LMS), the technical and pedagogical assistance given, and evaluations
-- (grades, already held). New chained tables only: no existing row's encoding changes, so a ledger
-- made before verifies after.

-- The activities a module declares in the convention file (`[[module.activity]]`), in file order.
CREATE TABLE module_activity (
  id          INTEGER PRIMARY KEY,
  module_id   INTEGER NOT NULL REFERENCES module(id),
  code        TEXT NOT NULL,
  label       TEXT NOT NULL,
  minutes     INTEGER NOT NULL CHECK (minutes > 0),  -- the estimated time to carry it out
  kind        TEXT NOT NULL CHECK (kind = 'content' OR kind = 'quiz' OR kind = 'assignment' OR kind = 'virtual_class'),
  hash        BLOB NOT NULL,
  UNIQUE (module_id, code)
);

-- A trainee's e-mail address (to match LMS exports), a fact of its own as `trainee_join` is, so
-- that `trainee` rows keep their encoding.
CREATE TABLE trainee_email (
  id           INTEGER PRIMARY KEY,
  trainee_id   INTEGER NOT NULL UNIQUE REFERENCES trainee(id),
  email        TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);

-- One activity completed by one trainee on one day, as an LMS export reports it (`lms import`);
-- `evidence_id` is the export held in the ledger behind that trainee's module.
CREATE TABLE activity_completion (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES module_activity(id),
  trainee_id   INTEGER NOT NULL REFERENCES trainee(id),
  completed    TEXT NOT NULL,
  score_x100   INTEGER CHECK (score_x100 IS NULL OR score_x100 >= 0),
  evidence_id  INTEGER NOT NULL REFERENCES evidence(id),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL,
  UNIQUE (activity_id, trainee_id, completed)
);
CREATE INDEX activity_completion_by_trainee ON activity_completion (trainee_id);

-- Technical or pedagogical assistance given to the trainees of an e-learning module (every one of
-- them when trainee_id is NULL), `assist add`.
CREATE TABLE assistance (
  id           INTEGER PRIMARY KEY,
  module_id    INTEGER NOT NULL REFERENCES module(id),
  trainee_id   INTEGER REFERENCES trainee(id),
  date         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind = 'technical' OR kind = 'pedagogical'),
  staff        TEXT NOT NULL,
  minutes      INTEGER CHECK (minutes IS NULL OR minutes > 0),
  note         TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  hash         BLOB NOT NULL
);
CREATE INDEX assistance_by_module ON assistance (module_id);

INSERT INTO chained_table VALUES ('module_activity'), ('trainee_email'), ('activity_completion'), ('assistance');
CREATE TRIGGER module_activity_no_update BEFORE UPDATE ON module_activity BEGIN SELECT RAISE(ABORT, 'module_activity is append-only: record a correction instead'); END;
CREATE TRIGGER module_activity_no_delete BEFORE DELETE ON module_activity BEGIN SELECT RAISE(ABORT, 'module_activity is append-only: record a correction instead'); END;
CREATE TRIGGER trainee_email_no_update BEFORE UPDATE ON trainee_email BEGIN SELECT RAISE(ABORT, 'trainee_email is append-only: record a correction instead'); END;
CREATE TRIGGER trainee_email_no_delete BEFORE DELETE ON trainee_email BEGIN SELECT RAISE(ABORT, 'trainee_email is append-only: record a correction instead'); END;
CREATE TRIGGER activity_completion_no_update BEFORE UPDATE ON activity_completion BEGIN SELECT RAISE(ABORT, 'activity_completion is append-only: record a correction instead'); END;
CREATE TRIGGER activity_completion_no_delete BEFORE DELETE ON activity_completion BEGIN SELECT RAISE(ABORT, 'activity_completion is append-only: record a correction instead'); END;
CREATE TRIGGER assistance_no_update BEFORE UPDATE ON assistance BEGIN SELECT RAISE(ABORT, 'assistance is append-only: record a correction instead'); END;
CREATE TRIGGER assistance_no_delete BEFORE DELETE ON assistance BEGIN SELECT RAISE(ABORT, 'assistance is append-only: record a correction instead'); END;
