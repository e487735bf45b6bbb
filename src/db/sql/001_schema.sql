-- tapian schema, migration 1 (PRAGMA user_version = 1).
--
-- Conventions (docs/SCHEMA.md explains them in full):
--  * Every record table starts with the same base columns:
--      id          UUID v4 text; the db layer makes it, the DEFAULT serves the
--                  sqlite3 shell and SQL data files
--      created_at/updated_at   UTC timestamps 'YYYY-MM-DDTHH:MM:SS.SSSZ'
--      created_by/updated_by   login of the app user (or 'system')
--      version     starts at 1, +1 on each update (optimistic concurrency)
--      deleted_at  tombstone: NULL = live; rows are never DELETEd
--      site_id     the machine (site.id) that created the row
--  * Calendar dates are ISO 'YYYY-MM-DD' in the Common Era (CE), checked to
--    be real dates between 1900 and 2199, so a Buddhist-era year (2548) is
--    refused instead of being stored by mistake.
--  * Enumerations are English codes with CHECK constraints; the Thai labels
--    live in the program and in the reference tables role and six_step_def.
--  * No custom collation is declared here: the stock sqlite3 shell must be
--    able to read and write this file. Thai order is COLLATE THAI at query time.

-- ---- machine and settings -------------------------------------------------

-- Every machine (site) that has written to this file; sync brings others'.
CREATE TABLE site (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  name       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Key/value settings of this file. Keys: site_id (this machine's site.id),
-- kiosk ('1' = synchronous=FULL), created_by_tapian (program version).
CREATE TABLE setting (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

INSERT INTO site (id, name) VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'local');
INSERT INTO setting (key, value) VALUES ('site_id', (SELECT id FROM site));
INSERT INTO setting (key, value) VALUES ('kiosk', '0');

-- ---- places: province > amphoe > tambon > village -------------------------

-- One table for the whole hierarchy, so that any record can point at an area
-- of any level (a meeting in a tambon hall, a role held for a village).
-- A village is หมู่ที่ moo with an optional name. wave: the scale-out wave a
-- village (or tambon) joined: 'pilot' = the three pilot tambons of 2548, then
-- '2549' (400 villages), '2550' (600), '2551' (600).
CREATE TABLE place (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  kind      TEXT NOT NULL CHECK (kind IN ('province', 'amphoe', 'tambon', 'village')),
  parent_id TEXT REFERENCES place (id),
  name      TEXT CHECK (name IS NULL OR length(trim(name)) > 0),
  moo       INTEGER CHECK (moo IS NULL OR moo BETWEEN 1 AND 99),
  wave      TEXT CHECK (wave IS NULL OR wave IN ('pilot', '2549', '2550', '2551')),
  code      TEXT,               -- government area code, when known
  CHECK ((kind = 'province') = (parent_id IS NULL)),
  CHECK (kind = 'village' OR name IS NOT NULL),
  CHECK ((kind = 'village') = (moo IS NOT NULL)),
  CHECK (wave IS NULL OR kind IN ('tambon', 'village'))
);

-- A place's parent must be the level just above it.
CREATE TRIGGER place_parent_kind BEFORE INSERT ON place
WHEN NEW.parent_id IS NOT NULL AND
     (SELECT kind FROM place WHERE id = NEW.parent_id) IS NOT
     CASE NEW.kind WHEN 'amphoe' THEN 'province' WHEN 'tambon' THEN 'amphoe'
                   WHEN 'village' THEN 'tambon' END
BEGIN SELECT RAISE(ABORT, 'place: parent is not the level above'); END;
CREATE TRIGGER place_parent_kind_upd BEFORE UPDATE OF kind, parent_id ON place
WHEN NEW.parent_id IS NOT NULL AND
     (SELECT kind FROM place WHERE id = NEW.parent_id) IS NOT
     CASE NEW.kind WHEN 'amphoe' THEN 'province' WHEN 'tambon' THEN 'amphoe'
                   WHEN 'village' THEN 'tambon' END
BEGIN SELECT RAISE(ABORT, 'place: parent is not the level above'); END;

-- ---- organisations and people ---------------------------------------------

-- Agencies are data: the nine core ones (is_core_nine = 1) and others
-- such as ออมสิน or สาธารณสุข.
CREATE TABLE agency (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  short_name   TEXT NOT NULL CHECK (length(trim(short_name)) > 0),  -- พช.
  full_name    TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  is_core_nine INTEGER NOT NULL DEFAULT 0 CHECK (is_core_nine IN (0, 1)),
  note         TEXT
);

CREATE TABLE person (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  title     TEXT,                 -- prefix: ผู้ว่าฯ, ผอ., อ., คุณ, ลุง, น้อง ...
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  phone     TEXT,
  agency_id TEXT REFERENCES agency (id),
  place_id  TEXT REFERENCES place (id),  -- home village or area, if known
  note      TEXT
);

-- Community finance organisations.
CREATE TABLE finance_group (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  type       TEXT NOT NULL CHECK (type IN ('village_fund', 'production_savings',
               'sajja_savings', 'tambon_network', 'welfare_fund', 'other')),
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  place_id   TEXT NOT NULL REFERENCES place (id),  -- village (tambon for networks)
  founded_on TEXT CHECK (founded_on IS NULL OR (date(founded_on, '+0 days') IS founded_on
               AND founded_on BETWEEN '1900' AND '2200')),
  chair_id   TEXT REFERENCES person (id),
  note       TEXT
);

-- ---- KM roles ---------------------------------------------------------------

-- Reference table, filled only by migrations (hence no base columns).
CREATE TABLE role (
  code    TEXT PRIMARY KEY NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort    INTEGER NOT NULL
);
INSERT INTO role (code, name_th, name_en, sort) VALUES
  ('khun_eua',            'คุณเอื้อ',         'sponsor (CKO)', 1),
  ('khun_amnuay',         'คุณอำนวย',        'facilitator', 2),
  ('khun_kit',            'คุณกิจ',           'practitioner', 3),
  ('khun_banthuek',       'คุณบันทึก',        'recorder', 4),
  ('khun_prasan',         'คุณประสาน',       'coordinator', 5),
  ('khun_namkrabuankan',  'คุณนำกระบวนการ',  'process lead', 6);

-- A person holds a role for an agency, in an area, for a period.
CREATE TABLE role_assignment (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  person_id TEXT NOT NULL REFERENCES person (id),
  role_code TEXT NOT NULL REFERENCES role (code),
  agency_id TEXT REFERENCES agency (id),
  place_id  TEXT REFERENCES place (id),
  valid_from TEXT CHECK (valid_from IS NULL OR (date(valid_from, '+0 days') IS valid_from
               AND valid_from BETWEEN '1900' AND '2200')),
  valid_to   TEXT CHECK (valid_to IS NULL OR (date(valid_to, '+0 days') IS valid_to
               AND valid_to BETWEEN '1900' AND '2200')),
  note      TEXT,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);

-- Written role charters (seed 004): duties and rules, approved by a person.
CREATE TABLE role_charter (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  role_code   TEXT NOT NULL REFERENCES role (code),
  agency_id   TEXT REFERENCES agency (id),
  duties      TEXT NOT NULL,
  rules       TEXT,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'retired')),
  approved_by TEXT REFERENCES person (id),
  approved_at TEXT CHECK (approved_at IS NULL OR (date(approved_at, '+0 days') IS approved_at
               AND approved_at BETWEEN '1900' AND '2200')),
  CHECK (status = 'draft' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL))
);

-- ---- meetings ---------------------------------------------------------------

-- attendee_count is derived: the live attendance rows with status present,
-- late or representative, kept by the triggers below so that province-wide
-- rollups need not count 2,000,000 attendance rows. It is not user data:
-- changing it does not bump version or write audit rows.
CREATE TABLE meeting (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  circle   TEXT NOT NULL CHECK (circle IN ('kit', 'amnuay', 'eua', 'mixed',
             'tambon_network', 'field_stage', 'knowledge_fair')),
  held_on  TEXT NOT NULL CHECK (date(held_on, '+0 days') IS held_on
             AND held_on BETWEEN '1900' AND '2200'),
  place_id TEXT REFERENCES place (id),
  venue    TEXT,                  -- free text: ศาลาวัด, ห้องประชุม อบต.
  title    TEXT NOT NULL CHECK (length(trim(title)) > 0),
  purpose  TEXT,
  agenda   TEXT,
  homework_reviewed TEXT,
  outcomes   TEXT,
  next_steps TEXT,
  notes      TEXT,
  attendee_count INTEGER NOT NULL DEFAULT 0 CHECK (attendee_count >= 0)
);

CREATE TABLE attendance (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  meeting_id TEXT NOT NULL REFERENCES meeting (id),
  person_id  TEXT NOT NULL REFERENCES person (id),
  status     TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused',
               'late', 'representative')),
  representative_name TEXT,       -- who came instead
  CHECK (status = 'representative' OR representative_name IS NULL)
);

-- Observers: a person on record or just a name (the governor observing).
CREATE TABLE observer (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  meeting_id TEXT NOT NULL REFERENCES meeting (id),
  person_id  TEXT REFERENCES person (id),
  name       TEXT,
  note       TEXT,
  CHECK (person_id IS NOT NULL OR coalesce(length(trim(name)), 0) > 0)
);

-- ---- field visits -----------------------------------------------------------

CREATE TABLE field_visit_plan (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  tambon_id   TEXT NOT NULL REFERENCES place (id),
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  period_from TEXT CHECK (period_from IS NULL OR (date(period_from, '+0 days') IS period_from
                AND period_from BETWEEN '1900' AND '2200')),
  period_to   TEXT CHECK (period_to IS NULL OR (date(period_to, '+0 days') IS period_to
                AND period_to BETWEEN '1900' AND '2200')),
  note        TEXT,
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
);

CREATE TABLE field_visit (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  plan_id        TEXT NOT NULL REFERENCES field_visit_plan (id),
  visit_on       TEXT CHECK (visit_on IS NULL OR (date(visit_on, '+0 days') IS visit_on
                   AND visit_on BETWEEN '1900' AND '2200')),
  group_id       TEXT REFERENCES finance_group (id),
  agenda         TEXT,
  facilitator_id TEXT REFERENCES person (id),  -- คุณอำนวยผู้รับผิดชอบ
  status         TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done',
                   'cancelled', 'postponed')),
  meeting_id     TEXT REFERENCES meeting (id), -- the record of the visit, once done
  CHECK (meeting_id IS NULL OR status = 'done')
);

-- ---- the fish model (แบบจำลองปลาตะเพียน), per finance group ----------------

-- Head: the group's goal.
CREATE TABLE fish_goal (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  group_id  TEXT NOT NULL REFERENCES finance_group (id),
  goal      TEXT NOT NULL CHECK (length(trim(goal)) > 0),
  indicator TEXT,
  target_on TEXT CHECK (target_on IS NULL OR (date(target_on, '+0 days') IS target_on
              AND target_on BETWEEN '1900' AND '2200'))
);

-- Tail: knowledge the group already has.
CREATE TABLE fish_knowledge (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  group_id  TEXT NOT NULL REFERENCES finance_group (id),
  item      TEXT NOT NULL CHECK (length(trim(item)) > 0),
  holder_id TEXT REFERENCES person (id),
  note      TEXT
);

-- Body: sharing activities between tail and head.
CREATE TABLE fish_sharing (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  group_id   TEXT NOT NULL REFERENCES finance_group (id),
  activity   TEXT NOT NULL CHECK (length(trim(activity)) > 0),
  held_on    TEXT CHECK (held_on IS NULL OR (date(held_on, '+0 days') IS held_on
               AND held_on BETWEEN '1900' AND '2200')),
  meeting_id TEXT REFERENCES meeting (id),
  goal_id    TEXT REFERENCES fish_goal (id),
  note       TEXT
);

-- ---- six-step strong-community process ------------------------------------

-- Reference table, filled only by migrations.
CREATE TABLE six_step_def (
  step    INTEGER PRIMARY KEY NOT NULL CHECK (step BETWEEN 1 AND 6),
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL
);
INSERT INTO six_step_def (step, name_th, name_en) VALUES
  (1, 'ความเป็นประชาคม', 'civic community forms'),
  (2, 'ระบบการแลกเปลี่ยนเรียนรู้ / การจัดการความรู้', 'learning exchange / KM'),
  (3, 'ความมีประสิทธิภาพของชุมชน', 'community effectiveness'),
  (4, 'เกิดแผนแม่บทชุมชน', 'a community master plan exists'),
  (5, 'การปฏิบัติตามแผน', 'the plan is carried out'),
  (6, 'มีการประเมินผลเป็นระยะ ๆ', 'periodic evaluation');

CREATE TABLE six_step (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  village_id  TEXT NOT NULL REFERENCES place (id),
  step        INTEGER NOT NULL REFERENCES six_step_def (step),
  status      TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started',
                'in_progress', 'reached')),
  reached_on  TEXT CHECK (reached_on IS NULL OR (date(reached_on, '+0 days') IS reached_on
                AND reached_on BETWEEN '1900' AND '2200')),
  evidence    TEXT,
  verified_by TEXT REFERENCES person (id),
  CHECK ((status = 'reached') = (reached_on IS NOT NULL))
);

-- ---- lessons and the knowledge repository ---------------------------------

-- ถอดบทเรียน: after-action (aar), before-action (bar) reviews and syntheses.
CREATE TABLE lesson (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  kind       TEXT NOT NULL CHECK (kind IN ('aar', 'bar', 'synthesis')),
  title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
  expected   TEXT,
  happened   TEXT,
  why        TEXT,
  next_time  TEXT,
  meeting_id TEXT REFERENCES meeting (id),
  circle     TEXT CHECK (circle IS NULL OR circle IN ('kit', 'amnuay', 'eua', 'mixed',
               'tambon_network', 'field_stage', 'knowledge_fair')),
  role_code  TEXT REFERENCES role (code),
  author_id  TEXT REFERENCES person (id),
  written_on TEXT CHECK (written_on IS NULL OR (date(written_on, '+0 days') IS written_on
               AND written_on BETWEEN '1900' AND '2200'))
);

-- คลังความรู้: stories for the provincial learning textbook.
CREATE TABLE knowledge_asset (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
  story      TEXT NOT NULL,
  tags       TEXT,                -- comma-separated
  topic      TEXT NOT NULL DEFAULT 'finance' CHECK (topic IN ('finance',
               'natural_resources', 'environment', 'other')),
  origin     TEXT NOT NULL DEFAULT 'experience' CHECK (origin IN ('experience', 'book')),
  meeting_id TEXT REFERENCES meeting (id),
  group_id   TEXT REFERENCES finance_group (id),
  person_id  TEXT REFERENCES person (id),
  lesson_id  TEXT REFERENCES lesson (id)
);

-- ---- agencies' support (คุณเอื้อ) ----------------------------------------------

CREATE TABLE support_commitment (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  agency_id   TEXT NOT NULL REFERENCES agency (id),
  kind        TEXT NOT NULL CHECK (kind IN ('budget', 'vehicle', 'staff_days', 'other')),
  amount      REAL NOT NULL CHECK (amount >= 0),
  unit        TEXT NOT NULL,      -- บาท, คัน, วัน
  period_from TEXT CHECK (period_from IS NULL OR (date(period_from, '+0 days') IS period_from
                AND period_from BETWEEN '1900' AND '2200')),
  period_to   TEXT CHECK (period_to IS NULL OR (date(period_to, '+0 days') IS period_to
                AND period_to BETWEEN '1900' AND '2200')),
  delivered   REAL NOT NULL DEFAULT 0 CHECK (delivered >= 0),
  note        TEXT,
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
);

-- ---- the provincial bookkeeping register ----------------------------------

CREATE TABLE register_format_version (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  label       TEXT NOT NULL CHECK (length(trim(label)) > 0),
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  approved_by TEXT REFERENCES person (id),
  approved_at TEXT CHECK (approved_at IS NULL OR (date(approved_at, '+0 days') IS approved_at
                AND approved_at BETWEEN '1900' AND '2200')),
  note        TEXT,
  CHECK (status = 'draft' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL))
);

CREATE TABLE register (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  format_version_id TEXT NOT NULL REFERENCES register_format_version (id),
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  source_agency_id  TEXT REFERENCES agency (id)  -- whose form it came from
);

CREATE TABLE register_column (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  register_id TEXT NOT NULL REFERENCES register (id),
  position    INTEGER NOT NULL CHECK (position >= 1),
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('text', 'number', 'money', 'date'))
);

CREATE TABLE fund_training (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  group_id          TEXT NOT NULL REFERENCES finance_group (id),
  format_version_id TEXT NOT NULL REFERENCES register_format_version (id),
  trained_on        TEXT NOT NULL CHECK (date(trained_on, '+0 days') IS trained_on
                      AND trained_on BETWEEN '1900' AND '2200'),
  trainer_id        TEXT REFERENCES person (id),
  note              TEXT
);

-- period: 'YYYY-MM' (CE). Money in baht.
CREATE TABLE group_financial_snapshot (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  group_id          TEXT NOT NULL REFERENCES finance_group (id),
  period            TEXT NOT NULL CHECK (date(period || '-01', '+0 days') IS period || '-01'
                      AND period BETWEEN '1900' AND '2200'),
  members           INTEGER NOT NULL CHECK (members >= 0),
  savings_balance   REAL NOT NULL CHECK (savings_balance >= 0),
  loans_outstanding REAL NOT NULL CHECK (loans_outstanding >= 0),
  overdue           REAL NOT NULL DEFAULT 0 CHECK (overdue >= 0),
  CHECK (overdue <= loans_outstanding)
);

-- ---- users and the audit trail --------------------------------------------

-- Roles of a user come from role_assignment of its person.
CREATE TABLE app_user (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  login     TEXT NOT NULL CHECK (length(trim(login)) > 0),
  person_id TEXT REFERENCES person (id),
  pin_hash  TEXT,
  os_user   TEXT
);

-- Append-only: one row per insert, update, tombstone or restore, written in
-- the same transaction as the change. old/new are JSON objects of the row.
CREATE TABLE audit_log (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  who        TEXT NOT NULL,
  site_id    TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'tombstone', 'restore')),
  old_json   TEXT CHECK (old_json IS NULL OR json_valid(old_json)),
  new_json   TEXT CHECK (new_json IS NULL OR json_valid(new_json))
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- ---- attendee_count upkeep ------------------------------------------------

CREATE TRIGGER attendance_count_ins AFTER INSERT ON attendance
WHEN NEW.deleted_at IS NULL AND NEW.status IN ('present', 'late', 'representative')
BEGIN
  UPDATE meeting SET attendee_count = attendee_count + 1 WHERE id = NEW.meeting_id;
END;
CREATE TRIGGER attendance_count_upd AFTER UPDATE OF status, deleted_at, meeting_id ON attendance
BEGIN
  UPDATE meeting SET attendee_count = attendee_count - 1
   WHERE id = OLD.meeting_id AND OLD.deleted_at IS NULL
     AND OLD.status IN ('present', 'late', 'representative');
  UPDATE meeting SET attendee_count = attendee_count + 1
   WHERE id = NEW.meeting_id AND NEW.deleted_at IS NULL
     AND NEW.status IN ('present', 'late', 'representative');
END;

-- ---- no DELETE on record tables: set deleted_at (a tombstone) instead ----

CREATE TRIGGER place_no_delete BEFORE DELETE ON place
BEGIN SELECT RAISE(ABORT, 'place: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER agency_no_delete BEFORE DELETE ON agency
BEGIN SELECT RAISE(ABORT, 'agency: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER person_no_delete BEFORE DELETE ON person
BEGIN SELECT RAISE(ABORT, 'person: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER finance_group_no_delete BEFORE DELETE ON finance_group
BEGIN SELECT RAISE(ABORT, 'finance_group: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER role_assignment_no_delete BEFORE DELETE ON role_assignment
BEGIN SELECT RAISE(ABORT, 'role_assignment: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER role_charter_no_delete BEFORE DELETE ON role_charter
BEGIN SELECT RAISE(ABORT, 'role_charter: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER meeting_no_delete BEFORE DELETE ON meeting
BEGIN SELECT RAISE(ABORT, 'meeting: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER attendance_no_delete BEFORE DELETE ON attendance
BEGIN SELECT RAISE(ABORT, 'attendance: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER observer_no_delete BEFORE DELETE ON observer
BEGIN SELECT RAISE(ABORT, 'observer: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER field_visit_plan_no_delete BEFORE DELETE ON field_visit_plan
BEGIN SELECT RAISE(ABORT, 'field_visit_plan: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER field_visit_no_delete BEFORE DELETE ON field_visit
BEGIN SELECT RAISE(ABORT, 'field_visit: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER fish_goal_no_delete BEFORE DELETE ON fish_goal
BEGIN SELECT RAISE(ABORT, 'fish_goal: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER fish_knowledge_no_delete BEFORE DELETE ON fish_knowledge
BEGIN SELECT RAISE(ABORT, 'fish_knowledge: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER fish_sharing_no_delete BEFORE DELETE ON fish_sharing
BEGIN SELECT RAISE(ABORT, 'fish_sharing: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER six_step_no_delete BEFORE DELETE ON six_step
BEGIN SELECT RAISE(ABORT, 'six_step: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER lesson_no_delete BEFORE DELETE ON lesson
BEGIN SELECT RAISE(ABORT, 'lesson: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER knowledge_asset_no_delete BEFORE DELETE ON knowledge_asset
BEGIN SELECT RAISE(ABORT, 'knowledge_asset: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER support_commitment_no_delete BEFORE DELETE ON support_commitment
BEGIN SELECT RAISE(ABORT, 'support_commitment: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER register_format_version_no_delete BEFORE DELETE ON register_format_version
BEGIN SELECT RAISE(ABORT, 'register_format_version: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER register_no_delete BEFORE DELETE ON register
BEGIN SELECT RAISE(ABORT, 'register: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER register_column_no_delete BEFORE DELETE ON register_column
BEGIN SELECT RAISE(ABORT, 'register_column: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER fund_training_no_delete BEFORE DELETE ON fund_training
BEGIN SELECT RAISE(ABORT, 'fund_training: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER group_financial_snapshot_no_delete BEFORE DELETE ON group_financial_snapshot
BEGIN SELECT RAISE(ABORT, 'group_financial_snapshot: rows are never deleted; set deleted_at'); END;
CREATE TRIGGER app_user_no_delete BEFORE DELETE ON app_user
BEGIN SELECT RAISE(ABORT, 'app_user: rows are never deleted; set deleted_at'); END;

-- ---- indexes ----------------------------------------------------------------

-- Live-row uniqueness (a tombstoned row may be re-entered).
CREATE UNIQUE INDEX attendance_meeting_person ON attendance (meeting_id, person_id)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX six_step_village_step ON six_step (village_id, step)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX register_column_position ON register_column (register_id, position)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX snapshot_group_period ON group_financial_snapshot (group_id, period)
  WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX app_user_login ON app_user (login) WHERE deleted_at IS NULL;

-- Dashboard and list queries at province scale.
CREATE INDEX place_parent ON place (parent_id, kind);
CREATE INDEX place_kind_wave ON place (kind, wave);
CREATE INDEX finance_group_place ON finance_group (place_id);
CREATE INDEX meeting_place_date ON meeting (place_id, held_on);
CREATE INDEX meeting_date ON meeting (held_on);
CREATE INDEX attendance_person ON attendance (person_id, meeting_id);
CREATE INDEX observer_meeting ON observer (meeting_id);
CREATE INDEX person_agency ON person (agency_id);
CREATE INDEX role_assignment_person ON role_assignment (person_id, role_code);
CREATE INDEX role_assignment_place ON role_assignment (place_id, role_code);
CREATE INDEX field_visit_plan_tambon ON field_visit_plan (tambon_id);
CREATE INDEX field_visit_plan_date ON field_visit (plan_id, visit_on);
CREATE INDEX fish_goal_group ON fish_goal (group_id);
CREATE INDEX fish_knowledge_group ON fish_knowledge (group_id);
CREATE INDEX fish_sharing_group ON fish_sharing (group_id);
CREATE INDEX lesson_meeting ON lesson (meeting_id);
CREATE INDEX knowledge_asset_group ON knowledge_asset (group_id);
CREATE INDEX support_agency ON support_commitment (agency_id);
CREATE INDEX register_column_register ON register_column (register_id);
CREATE INDEX fund_training_group ON fund_training (group_id);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
