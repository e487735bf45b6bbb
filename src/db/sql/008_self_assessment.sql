-- tapian schema, migration 8: the KM self-assessment (ตารางแห่งอิสรภาพ).
--
-- A finance group, or a whole tambon, rates itself on each KM competence
-- from 1 to 5: where it stands now (current_level) and where it wants to be
-- (target_level), with a note on why. Putting the groups side by side shows
-- who is strong where, so that facilitators can pair those who can teach
-- with those who want to learn.
--
-- competence is a record table, not a reference table: the rows below are
-- only a STARTING LIST for the programme; an admin adds, renames, reorders
-- or retires (tombstones) competences through the competence screen. The
-- starting rows have fixed ids so that every file agrees on them.

CREATE TABLE competence (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_en    TEXT,
  sort       INTEGER NOT NULL DEFAULT 100,
  note       TEXT
);
CREATE TRIGGER competence_no_delete BEFORE DELETE ON competence
BEGIN SELECT RAISE(ABORT, 'competence: rows are never deleted; set deleted_at'); END;

-- The starting list (an admin may edit it): KM competences of a community
-- finance group, in the order a group usually grows into them.
INSERT INTO competence (id, site_id, name, name_en, sort) VALUES
  ('c0a1e000-0000-4000-8000-000000000001', (SELECT value FROM setting WHERE key = 'site_id'),
   'การตั้งเป้าหมายร่วม', 'setting a shared goal', 10),
  ('c0a1e000-0000-4000-8000-000000000002', (SELECT value FROM setting WHERE key = 'site_id'),
   'การทำบัญชี', 'bookkeeping', 20),
  ('c0a1e000-0000-4000-8000-000000000003', (SELECT value FROM setting WHERE key = 'site_id'),
   'การออมอย่างต่อเนื่อง', 'saving regularly', 30),
  ('c0a1e000-0000-4000-8000-000000000004', (SELECT value FROM setting WHERE key = 'site_id'),
   'การจัดการหนี้ค้างชำระ', 'handling overdue loans', 40),
  ('c0a1e000-0000-4000-8000-000000000005', (SELECT value FROM setting WHERE key = 'site_id'),
   'การแลกเปลี่ยนเรียนรู้', 'exchanging knowledge', 50),
  ('c0a1e000-0000-4000-8000-000000000006', (SELECT value FROM setting WHERE key = 'site_id'),
   'การบันทึกความรู้', 'recording knowledge', 60);

CREATE TABLE self_assessment (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  group_id      TEXT REFERENCES finance_group (id),
  tambon_id     TEXT REFERENCES place (id),
  competence_id TEXT NOT NULL REFERENCES competence (id),
  current_level INTEGER NOT NULL CHECK (current_level BETWEEN 1 AND 5),
  target_level  INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
  why           TEXT,
  assessed_on   TEXT NOT NULL CHECK (date(assessed_on, '+0 days') IS assessed_on
                  AND assessed_on BETWEEN '1900' AND '2200'),
  -- a group rates itself, or a tambon as a whole: exactly one of the two
  CHECK ((group_id IS NULL) != (tambon_id IS NULL))
);
CREATE TRIGGER self_assessment_no_delete BEFORE DELETE ON self_assessment
BEGIN SELECT RAISE(ABORT, 'self_assessment: rows are never deleted; set deleted_at'); END;

-- The table and river views read the newest live assessment per subject
-- and competence.
CREATE INDEX self_assessment_group ON self_assessment (group_id, competence_id, assessed_on);
CREATE INDEX self_assessment_tambon ON self_assessment (tambon_id, competence_id, assessed_on);
CREATE INDEX self_assessment_competence ON self_assessment (competence_id);
