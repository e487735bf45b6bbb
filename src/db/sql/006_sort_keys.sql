-- tapian schema, migration 6: stored Thai sort keys for the lists that are
-- ordered by a Thai text column (the `order` of screens/*.ini).
--
-- COLLATE THAI cannot be carried by an index (the collation is registered
-- by tapian, not named in the schema), so a Thai-ordered page sorted every
-- matching row again: 4 s a page at 100,000 rows. <col>_sortkey holds
-- text_sort_key(<col>), whose byte order is text_collate's, and an index on
-- (key, id) over the live rows walks the list in order.
--
-- tapian fills the key on every db_insert / db_update (any column named
-- <col>_sortkey is set from <col>) and fills NULL keys when it opens a
-- file, so rows written with the stock sqlite3 shell or pilot.sql get one.
-- The key function is registered on tapian's connections only and never
-- named here, so the stock shell can still write the file. When the shell
-- changes <col> without the key, the trigger sets the key to NULL, so the
-- next open computes it again instead of leaving a stale one.

ALTER TABLE agency ADD COLUMN short_name_sortkey BLOB;
CREATE INDEX agency_short_name_sortkey ON agency (short_name_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER agency_short_name_sortkey_stale AFTER UPDATE OF short_name ON agency
  WHEN NEW.short_name IS NOT OLD.short_name AND NEW.short_name_sortkey IS OLD.short_name_sortkey
BEGIN
  UPDATE agency SET short_name_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE finance_group ADD COLUMN name_sortkey BLOB;
CREATE INDEX finance_group_name_sortkey ON finance_group (name_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER finance_group_name_sortkey_stale AFTER UPDATE OF name ON finance_group
  WHEN NEW.name IS NOT OLD.name AND NEW.name_sortkey IS OLD.name_sortkey
BEGIN
  UPDATE finance_group SET name_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE fish_knowledge ADD COLUMN item_sortkey BLOB;
CREATE INDEX fish_knowledge_item_sortkey ON fish_knowledge (item_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER fish_knowledge_item_sortkey_stale AFTER UPDATE OF item ON fish_knowledge
  WHEN NEW.item IS NOT OLD.item AND NEW.item_sortkey IS OLD.item_sortkey
BEGIN
  UPDATE fish_knowledge SET item_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE knowledge_asset ADD COLUMN title_sortkey BLOB;
CREATE INDEX knowledge_asset_title_sortkey ON knowledge_asset (title_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER knowledge_asset_title_sortkey_stale AFTER UPDATE OF title ON knowledge_asset
  WHEN NEW.title IS NOT OLD.title AND NEW.title_sortkey IS OLD.title_sortkey
BEGIN
  UPDATE knowledge_asset SET title_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE note ADD COLUMN title_sortkey BLOB;
CREATE INDEX note_title_sortkey ON note (title_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER note_title_sortkey_stale AFTER UPDATE OF title ON note
  WHEN NEW.title IS NOT OLD.title AND NEW.title_sortkey IS OLD.title_sortkey
BEGIN
  UPDATE note SET title_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE person ADD COLUMN name_sortkey BLOB;
CREATE INDEX person_name_sortkey ON person (name_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER person_name_sortkey_stale AFTER UPDATE OF name ON person
  WHEN NEW.name IS NOT OLD.name AND NEW.name_sortkey IS OLD.name_sortkey
BEGIN
  UPDATE person SET name_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE place ADD COLUMN name_sortkey BLOB;
CREATE INDEX place_name_sortkey ON place (name_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER place_name_sortkey_stale AFTER UPDATE OF name ON place
  WHEN NEW.name IS NOT OLD.name AND NEW.name_sortkey IS OLD.name_sortkey
BEGIN
  UPDATE place SET name_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE register ADD COLUMN name_sortkey BLOB;
CREATE INDEX register_name_sortkey ON register (name_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER register_name_sortkey_stale AFTER UPDATE OF name ON register
  WHEN NEW.name IS NOT OLD.name AND NEW.name_sortkey IS OLD.name_sortkey
BEGIN
  UPDATE register SET name_sortkey = NULL WHERE id = NEW.id;
END;

ALTER TABLE register_format_version ADD COLUMN label_sortkey BLOB;
CREATE INDEX register_format_version_label_sortkey ON register_format_version (label_sortkey, id) WHERE deleted_at IS NULL;
CREATE TRIGGER register_format_version_label_sortkey_stale AFTER UPDATE OF label ON register_format_version
  WHEN NEW.label IS NOT OLD.label AND NEW.label_sortkey IS OLD.label_sortkey
BEGIN
  UPDATE register_format_version SET label_sortkey = NULL WHERE id = NEW.id;
END;
