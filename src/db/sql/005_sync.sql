-- tapian schema, migration 5: sync between kiosks and the hub (docs/SYNC.md).
--
-- Every write transaction of the program leaves what it changed in the
-- record tables as SQLite session changesets in sync_outbox, in the same
-- transaction (src/db/db_sync_session.c). A pack to a peer carries the
-- outbox rows it has not acknowledged. None of these tables are records:
-- they are never synced themselves.

-- Changes made here (or received and applied here), in commit order.
-- class: 'ref' = reference data (places, agencies, people, registers,
-- users, role assignments), 'rec' = the programme's records.
CREATE TABLE sync_outbox (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  origin_site TEXT NOT NULL,
  class       TEXT NOT NULL CHECK (class IN ('ref', 'rec')),
  changeset   BLOB NOT NULL,
  made_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Sites this file exchanges packs with. acked = the highest of our
-- sync_outbox.seq the peer has confirmed; received = the highest of the
-- peer's seq applied here.
CREATE TABLE sync_peer (
  site_id   TEXT PRIMARY KEY NOT NULL CHECK (length(site_id) = 36),
  name      TEXT NOT NULL DEFAULT '',
  role      TEXT NOT NULL DEFAULT 'kiosk' CHECK (role IN ('hub', 'kiosk')),
  tambon_id TEXT,
  acked     INTEGER NOT NULL DEFAULT 0 CHECK (acked >= 0),
  received  INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
  added_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The same row changed on both sides: the version not chosen is kept here
-- (both as JSON objects of the whole row) until someone looks at it.
-- chosen: 'local' (what this file had) or 'incoming' (from the pack).
CREATE TABLE sync_conflict (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  tbl         TEXT NOT NULL,
  row_id      TEXT NOT NULL,
  from_site   TEXT NOT NULL,
  chosen      TEXT NOT NULL CHECK (chosen IN ('local', 'incoming')),
  local_json  TEXT NOT NULL,
  incoming_json TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT
);
CREATE INDEX sync_conflict_open ON sync_conflict (resolved_at, id);

-- hub or kiosk; a kiosk's tambon (place.id) decides which records the hub
-- forwards to it.
INSERT INTO setting (key, value) VALUES ('sync_role', 'kiosk');
INSERT INTO setting (key, value) VALUES ('sync_tambon', NULL);
