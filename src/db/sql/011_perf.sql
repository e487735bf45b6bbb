-- tapian schema, migration 11: finding the rows whose Thai sort key is
-- missing without reading the tables.
--
-- Every open fills the keys of rows written without tapian (the stock
-- shell, pilot.sql, a key set to NULL by a *_sortkey_stale trigger). With
-- no index for "key missing", that was a scan of every keyed table on every
-- start: on the province file about 180 MB read (45,000 pages) before the
-- first screen. These partial indexes hold only the rows that need a key,
-- so they are empty in normal use and the check is a lookup in each.

CREATE INDEX agency_short_name_sortkey_missing ON agency (id)
  WHERE short_name_sortkey IS NULL AND short_name IS NOT NULL;
CREATE INDEX finance_group_name_sortkey_missing ON finance_group (id)
  WHERE name_sortkey IS NULL AND name IS NOT NULL;
CREATE INDEX fish_knowledge_item_sortkey_missing ON fish_knowledge (id)
  WHERE item_sortkey IS NULL AND item IS NOT NULL;
CREATE INDEX knowledge_asset_title_sortkey_missing ON knowledge_asset (id)
  WHERE title_sortkey IS NULL AND title IS NOT NULL;
CREATE INDEX note_title_sortkey_missing ON note (id)
  WHERE title_sortkey IS NULL AND title IS NOT NULL;
CREATE INDEX person_name_sortkey_missing ON person (id)
  WHERE name_sortkey IS NULL AND name IS NOT NULL;
CREATE INDEX place_name_sortkey_missing ON place (id)
  WHERE name_sortkey IS NULL AND name IS NOT NULL;
CREATE INDEX register_name_sortkey_missing ON register (id)
  WHERE name_sortkey IS NULL AND name IS NOT NULL;
CREATE INDEX register_format_version_label_sortkey_missing
  ON register_format_version (id)
  WHERE label_sortkey IS NULL AND label IS NOT NULL;
