-- tapian schema, migration 2: the recorder's quick notes and form drafts.

-- A quick note (บันทึกย่อ) typed by a recorder during a session, before it
-- is turned into minutes, a lesson or a knowledge asset.
CREATE TABLE note (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36) DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by TEXT NOT NULL DEFAULT 'system',
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  deleted_at TEXT,
  site_id    TEXT NOT NULL REFERENCES site (id),
  title      TEXT NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 200),
  body       TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 20000)
);
CREATE TRIGGER note_no_delete BEFORE DELETE ON note
BEGIN SELECT RAISE(ABORT, 'note: rows are never deleted; set deleted_at'); END;

-- What is typed in a form and not yet saved as a record, one row per form,
-- login and field, replaced while typing. Drafts are scratch: they are not
-- records, carry no audit rows and are deleted once the record is saved.
CREATE TABLE draft (
  form     TEXT NOT NULL,
  login    TEXT NOT NULL,
  field    TEXT NOT NULL,
  value    TEXT NOT NULL,
  saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (form, login, field)
) WITHOUT ROWID;
