-- tapian schema: full-text search over knowledge assets, lessons, meeting
-- outcomes and notes (issue #6 §2).
--
--   search_doc   one row per live searchable record: kind (its table), id,
--                date (the meeting's; a lesson's written_on; an asset's or
--                a lesson's source meeting; a note's creation day), title, and the other text columns joined by newlines
--                as body. Both texts end in two newlines, so every character
--                of the record starts a trigram (the short-query path looks
--                trigrams up by prefix). docid grows as records are written:
--                docid order is recency (the backfill goes in date order).
--   search_fts   FTS5 over search_doc (external content) with the built-in
--                trigram tokenizer: the stock sqlite3 shell can read it, a
--                custom tokenizer named here would break it.
--
-- Triggers keep both in step with the records in the same transaction; a
-- tombstoned record leaves the index, a restored one comes back. Text is
-- stored NFC (the db layer cleans every value), and the query is made NFC
-- before it is matched. Trigram matching needs at least 3 characters;
-- shorter queries are answered by a scan in docid order (src/db/db_search.c).
-- Derived data: no base columns, no audit, never synced.

CREATE TABLE search_doc (
  docid  INTEGER PRIMARY KEY,
  kind   TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  day    TEXT,
  title  TEXT NOT NULL,
  body   TEXT NOT NULL,
  UNIQUE (ref_id, kind)
);

CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content = 'search_doc',
  content_rowid = 'docid', tokenize = 'trigram');

-- ---- backfill, oldest first ----
INSERT INTO search_doc (kind, ref_id, day, title, body)
  SELECT 'knowledge_asset', id,
         (SELECT held_on FROM meeting m WHERE m.id = knowledge_asset.meeting_id), title || char(10, 10),
         story || char(10) || coalesce(tags, '') || char(10, 10)
  FROM knowledge_asset WHERE deleted_at IS NULL ORDER BY created_at, id;
INSERT INTO search_doc (kind, ref_id, day, title, body)
  SELECT 'lesson', id, coalesce(written_on,
         (SELECT held_on FROM meeting m WHERE m.id = lesson.meeting_id)), title || char(10, 10),
         coalesce(expected, '') || char(10) || coalesce(happened, '') || char(10)
           || coalesce(why, '') || char(10) || coalesce(next_time, '') || char(10, 10)
  FROM lesson WHERE deleted_at IS NULL ORDER BY coalesce(written_on,
         (SELECT held_on FROM meeting m WHERE m.id = lesson.meeting_id)), id;
INSERT INTO search_doc (kind, ref_id, day, title, body)
  SELECT 'meeting', id, held_on, title || char(10, 10),
         coalesce(outcomes, '') || char(10) || coalesce(next_steps, '')
           || char(10) || coalesce(notes, '') || char(10, 10)
  FROM meeting WHERE deleted_at IS NULL ORDER BY held_on, id;
INSERT INTO search_doc (kind, ref_id, day, title, body)
  SELECT 'note', id, substr(created_at, 1, 10), title || char(10, 10),
         body || char(10, 10)
  FROM note WHERE deleted_at IS NULL ORDER BY substr(created_at, 1, 10), id;
INSERT INTO search_fts (search_fts) VALUES ('rebuild');

-- ---- the index follows search_doc ----
CREATE TRIGGER search_doc_ins AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_fts (rowid, title, body)
    VALUES (NEW.docid, NEW.title, NEW.body);
END;
CREATE TRIGGER search_doc_del AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body)
    VALUES ('delete', OLD.docid, OLD.title, OLD.body);
END;

-- ---- search_doc follows the records: a change re-adds the row (so it
-- becomes the most recent), a tombstone removes it. Only the columns that
-- are indexed fire the update triggers: meeting.attendee_count changes with
-- every attendance row and must not touch the index. ----
CREATE TRIGGER search_knowledge_asset_ins AFTER INSERT ON knowledge_asset
WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    VALUES ('knowledge_asset', NEW.id,
      (SELECT held_on FROM meeting WHERE id = NEW.meeting_id), NEW.title || char(10, 10),
            NEW.story || char(10) || coalesce(NEW.tags, '') || char(10, 10));
END;
CREATE TRIGGER search_knowledge_asset_upd AFTER UPDATE OF title, story, tags, meeting_id, deleted_at ON knowledge_asset
BEGIN
  DELETE FROM search_doc WHERE ref_id = OLD.id AND kind = 'knowledge_asset';
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    SELECT 'knowledge_asset', NEW.id,
      (SELECT held_on FROM meeting WHERE id = NEW.meeting_id), NEW.title || char(10, 10),
           NEW.story || char(10) || coalesce(NEW.tags, '') || char(10, 10)
    WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER search_lesson_ins AFTER INSERT ON lesson
WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    VALUES ('lesson', NEW.id, coalesce(NEW.written_on,
      (SELECT held_on FROM meeting WHERE id = NEW.meeting_id)), NEW.title || char(10, 10),
            coalesce(NEW.expected, '') || char(10) || coalesce(NEW.happened, '') || char(10)
             || coalesce(NEW.why, '') || char(10) || coalesce(NEW.next_time, '') || char(10, 10));
END;
CREATE TRIGGER search_lesson_upd AFTER UPDATE OF title, expected, happened, why, next_time, written_on, meeting_id, deleted_at ON lesson
BEGIN
  DELETE FROM search_doc WHERE ref_id = OLD.id AND kind = 'lesson';
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    SELECT 'lesson', NEW.id, coalesce(NEW.written_on,
      (SELECT held_on FROM meeting WHERE id = NEW.meeting_id)), NEW.title || char(10, 10),
           coalesce(NEW.expected, '') || char(10) || coalesce(NEW.happened, '') || char(10)
           || coalesce(NEW.why, '') || char(10) || coalesce(NEW.next_time, '') || char(10, 10)
    WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER search_meeting_ins AFTER INSERT ON meeting
WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    VALUES ('meeting', NEW.id, NEW.held_on, NEW.title || char(10, 10),
            coalesce(NEW.outcomes, '') || char(10) || coalesce(NEW.next_steps, '')
             || char(10) || coalesce(NEW.notes, '') || char(10, 10));
END;
CREATE TRIGGER search_meeting_upd AFTER UPDATE OF title, outcomes, next_steps, notes, held_on, deleted_at ON meeting
BEGIN
  DELETE FROM search_doc WHERE ref_id = OLD.id AND kind = 'meeting';
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    SELECT 'meeting', NEW.id, NEW.held_on, NEW.title || char(10, 10),
           coalesce(NEW.outcomes, '') || char(10) || coalesce(NEW.next_steps, '')
           || char(10) || coalesce(NEW.notes, '') || char(10, 10)
    WHERE NEW.deleted_at IS NULL;
END;
CREATE TRIGGER search_note_ins AFTER INSERT ON note
WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    VALUES ('note', NEW.id, substr(NEW.created_at, 1, 10), NEW.title || char(10, 10),
            NEW.body || char(10, 10));
END;
CREATE TRIGGER search_note_upd AFTER UPDATE OF title, body, deleted_at ON note
BEGIN
  DELETE FROM search_doc WHERE ref_id = OLD.id AND kind = 'note';
  INSERT INTO search_doc (kind, ref_id, day, title, body)
    SELECT 'note', NEW.id, substr(NEW.created_at, 1, 10), NEW.title || char(10, 10),
           NEW.body || char(10, 10)
    WHERE NEW.deleted_at IS NULL;
END;
