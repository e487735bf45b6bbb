-- tapian schema, migration 12: the code-keyed reference tables read like
-- every other table.
--
-- role (keyed by code) and six_step_def (keyed by step) had no id, version
-- or deleted_at, so the generic list could not read them: the reference
-- pickers of role_assignment, role_charter, lesson (role) and six_step
-- (step) showed no rows, and lists showed the code instead of the name.
-- id is the key itself as text, so the value a picker stores is the value
-- the foreign keys expect (six_step.step has integer affinity: '3' is
-- stored as 3). The rows are the schema's own: never deleted, not synced
-- (no site_id), not audited.

ALTER TABLE role ADD COLUMN id TEXT;
ALTER TABLE role ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE role ADD COLUMN deleted_at TEXT;
UPDATE role SET id = code;
CREATE UNIQUE INDEX role_id ON role (id);
CREATE TRIGGER role_id_from_code AFTER INSERT ON role WHEN NEW.id IS NULL
BEGIN UPDATE role SET id = NEW.code WHERE code = NEW.code; END;

ALTER TABLE six_step_def ADD COLUMN id TEXT;
ALTER TABLE six_step_def ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE six_step_def ADD COLUMN deleted_at TEXT;
UPDATE six_step_def SET id = CAST(step AS TEXT);
CREATE UNIQUE INDEX six_step_def_id ON six_step_def (id);
CREATE TRIGGER six_step_def_id_from_step AFTER INSERT ON six_step_def
WHEN NEW.id IS NULL
BEGIN UPDATE six_step_def SET id = CAST(NEW.step AS TEXT) WHERE step = NEW.step; END;
