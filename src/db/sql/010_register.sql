-- tapian schema, migration 10: "cited by" from a source record.
--
-- Lessons and knowledge assets point at the meeting, group, person or
-- lesson they come from; a meeting's (group's, person's, lesson's) form
-- lists the records that cite it. These indexes let that list and its
-- count read only the citing rows instead of every lesson and asset.
-- (lesson.meeting_id and knowledge_asset.group_id are indexed by
-- migration 1.)

CREATE INDEX lesson_author ON lesson (author_id);
CREATE INDEX knowledge_asset_meeting ON knowledge_asset (meeting_id);
CREATE INDEX knowledge_asset_person ON knowledge_asset (person_id);
CREATE INDEX knowledge_asset_lesson ON knowledge_asset (lesson_id);
