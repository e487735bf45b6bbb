-- tapian schema, migration 3: users' access, and the amendments the pilot
-- data asked for (docs/PILOT-DATA.md, "Where the schema and the documents do
-- not meet").
--
-- The migration runner turns foreign_keys OFF around migrations (it cannot
-- change inside the transaction) and runs PRAGMA foreign_key_check before it
-- commits, so the agency rebuild below neither cascades nor leaves a broken
-- reference behind.

-- ---- users ------------------------------------------------------------------
-- is_admin: may write every table. failed_attempts / last_failed_at: wrong
-- PINs in a row, for the delay and lockout; bookkeeping, not audited.
ALTER TABLE app_user ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0
  CHECK (is_admin IN (0, 1));
ALTER TABLE app_user ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0
  CHECK (failed_attempts >= 0);
ALTER TABLE app_user ADD COLUMN last_failed_at TEXT;

-- ---- meetings -----------------------------------------------------------------
-- reported_count: a headcount the records give without names (11 ต.ค. 2548:
-- 14); attendee_count stays the count of named attendance rows.
ALTER TABLE meeting ADD COLUMN reported_count INTEGER
  CHECK (reported_count IS NULL OR reported_count >= 0);
-- planned: announced, not (yet) known to have happened.
ALTER TABLE meeting ADD COLUMN status TEXT NOT NULL DEFAULT 'held'
  CHECK (status IN ('planned', 'held', 'cancelled'));

-- ---- notes and positions ----------------------------------------------------
ALTER TABLE lesson ADD COLUMN source_note TEXT;  -- where the lesson comes from
ALTER TABLE attendance ADD COLUMN note TEXT;
ALTER TABLE person ADD COLUMN position TEXT;     -- ผู้ว่าราชการจังหวัด, ...

-- คุณอำนวยชุมชน: a facilitator drawn from the community (seeds/002).
INSERT INTO role (code, name_th, name_en, sort) VALUES
  ('khun_amnuay_chumchon', 'คุณอำนวยชุมชน', 'community facilitator', 7);

-- ---- agency.full_name becomes optional -------------------------------------
-- The documents give most agencies only as abbreviations. SQLite cannot drop
-- NOT NULL, so the table is rebuilt (the 12 steps of "Making Other Kinds Of
-- Table Schema Changes" in the ALTER TABLE documentation): new table, copy,
-- drop, rename, then its trigger again. Agency has no views, no indexes of
-- its own and one trigger.
CREATE TABLE agency_new (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  short_name   TEXT NOT NULL CHECK (length(trim(short_name)) > 0),  -- พช.
  full_name    TEXT CHECK (full_name IS NULL OR length(trim(full_name)) > 0),
  is_core_nine INTEGER NOT NULL DEFAULT 0 CHECK (is_core_nine IN (0, 1)),
  note         TEXT
);
INSERT INTO agency_new (id, created_at, created_by, updated_at, updated_by,
                        version, deleted_at, site_id, short_name, full_name,
                        is_core_nine, note)
  SELECT id, created_at, created_by, updated_at, updated_by, version,
         deleted_at, site_id, short_name, full_name, is_core_nine, note
  FROM agency;
DROP TABLE agency;
ALTER TABLE agency_new RENAME TO agency;
CREATE TRIGGER agency_no_delete BEFORE DELETE ON agency
BEGIN SELECT RAISE(ABORT, 'agency: rows are never deleted; set deleted_at'); END;

-- ---- list orders ------------------------------------------------------------
-- Dates and numbers order through these indexes. Text lists sort in Thai
-- (COLLATE THAI at query time, not in the schema), which no index can carry:
-- the name/title indexes serve look-ups by exact name and prefix, and the
-- deleted_at column lets a count of live rows read the index alone.
CREATE INDEX meeting_live_date ON meeting (deleted_at, held_on);
CREATE INDEX person_name ON person (name, deleted_at);
CREATE INDEX place_name ON place (name, deleted_at);
CREATE INDEX knowledge_asset_title ON knowledge_asset (title, deleted_at);
CREATE INDEX lesson_written ON lesson (written_on);
CREATE INDEX app_user_person ON app_user (person_id);
CREATE INDEX app_user_os_user ON app_user (os_user);
