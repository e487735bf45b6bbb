-- tapian schema: the full-text index is brought up to date once per
-- transaction instead of once per row.
--
-- search_fts_pending  what search_doc's triggers used to write straight into
--                     search_fts: each row added to or removed from the
--                     index, in order, with the texts FTS5 needs to remove
--                     a row again (external content).
--
-- Why: a statement that may need undoing on its own (an insert that fires
-- triggers or checks foreign keys) opens a savepoint in every virtual table
-- the transaction has written, and FTS5 writes out its pending terms as a
-- new index segment at each savepoint. A sync pack of 10,000 meetings made
-- 10,000 one-row segments and their merges: half the time of the import.
-- The db layer now moves these rows into search_fts with one statement just
-- before each COMMIT (db_search_index_flush, in the same transaction, so the
-- index never lags a committed record) and when a file is opened, for rows
-- left by other programs such as the sqlite3 shell.
-- Derived data: no base columns, no audit, never synced.

CREATE TABLE search_fts_pending (
  seq   INTEGER PRIMARY KEY,
  docid INTEGER NOT NULL,
  gone  INTEGER NOT NULL CHECK (gone IN (0, 1)), -- 1: take these texts out
  title TEXT NOT NULL,
  body  TEXT NOT NULL
);

DROP TRIGGER IF EXISTS search_doc_ins;
DROP TRIGGER IF EXISTS search_doc_del;

CREATE TRIGGER search_doc_ins AFTER INSERT ON search_doc BEGIN
  INSERT INTO search_fts_pending (docid, gone, title, body)
    VALUES (NEW.docid, 0, NEW.title, NEW.body);
END;
CREATE TRIGGER search_doc_del AFTER DELETE ON search_doc BEGIN
  INSERT INTO search_fts_pending (docid, gone, title, body)
    VALUES (OLD.docid, 1, OLD.title, OLD.body);
END;
-- tapian never updates search_doc (a change deletes and re-adds the row);
-- an update made by hand keeps the index right all the same.
CREATE TRIGGER search_doc_upd AFTER UPDATE ON search_doc BEGIN
  INSERT INTO search_fts_pending (docid, gone, title, body)
    VALUES (OLD.docid, 1, OLD.title, OLD.body);
  INSERT INTO search_fts_pending (docid, gone, title, body)
    VALUES (NEW.docid, 0, NEW.title, NEW.body);
END;
