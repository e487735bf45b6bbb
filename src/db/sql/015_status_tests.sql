-- tapian schema: the attendance triggers test a status with comparisons
-- instead of an IN list.
--
-- Why: SQLite 3.40 builds a temporary b-tree for a list of three or more
-- values each time a trigger runs, about 14,000 instructions, and these
-- four triggers ran up to four such lists for every attendance row written
-- (a sync pack of 10,000 attendance rows built 30,000 of them). What the
-- triggers count is unchanged: present, late and representative came.

DROP TRIGGER IF EXISTS attendance_count_ins;
DROP TRIGGER IF EXISTS attendance_count_upd;
DROP TRIGGER IF EXISTS attendance_tally_ins;
DROP TRIGGER IF EXISTS attendance_tally_upd;

CREATE TRIGGER attendance_count_ins AFTER INSERT ON attendance
WHEN NEW.deleted_at IS NULL
     AND (NEW.status = 'present' OR NEW.status = 'late'
          OR NEW.status = 'representative')
BEGIN
  UPDATE meeting SET attendee_count = attendee_count + 1 WHERE id = NEW.meeting_id;
END;

CREATE TRIGGER attendance_count_upd AFTER UPDATE OF status, deleted_at, meeting_id ON attendance
BEGIN
  UPDATE meeting SET attendee_count = attendee_count - 1
   WHERE id = OLD.meeting_id AND OLD.deleted_at IS NULL
     AND (OLD.status = 'present' OR OLD.status = 'late'
          OR OLD.status = 'representative');
  UPDATE meeting SET attendee_count = attendee_count + 1
   WHERE id = NEW.meeting_id AND NEW.deleted_at IS NULL
     AND (NEW.status = 'present' OR NEW.status = 'late'
          OR NEW.status = 'representative');
END;

CREATE TRIGGER attendance_tally_ins AFTER INSERT ON attendance
WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE meeting_tally
     SET listed = listed + 1,
         came = came + (NEW.status = 'present' OR NEW.status = 'late'
                        OR NEW.status = 'representative')
   WHERE meeting_id = NEW.meeting_id;
  UPDATE tambon_circle_tally
     SET listed = listed + 1,
         came = came + (NEW.status = 'present' OR NEW.status = 'late'
                        OR NEW.status = 'representative')
   WHERE tambon_id = (SELECT tambon_id FROM meeting_tally
                       WHERE meeting_id = NEW.meeting_id AND live = 1)
     AND circle = (SELECT circle FROM meeting_tally
                    WHERE meeting_id = NEW.meeting_id);
END;

CREATE TRIGGER attendance_tally_upd
AFTER UPDATE OF status, deleted_at, meeting_id ON attendance
BEGIN
  UPDATE meeting_tally
     SET listed = listed - 1,
         came = came - (OLD.status = 'present' OR OLD.status = 'late'
                        OR OLD.status = 'representative')
   WHERE meeting_id = OLD.meeting_id AND OLD.deleted_at IS NULL;
  UPDATE tambon_circle_tally
     SET listed = listed - 1,
         came = came - (OLD.status = 'present' OR OLD.status = 'late'
                        OR OLD.status = 'representative')
   WHERE OLD.deleted_at IS NULL
     AND tambon_id = (SELECT tambon_id FROM meeting_tally
                       WHERE meeting_id = OLD.meeting_id AND live = 1)
     AND circle = (SELECT circle FROM meeting_tally
                    WHERE meeting_id = OLD.meeting_id);
  UPDATE meeting_tally
     SET listed = listed + 1,
         came = came + (NEW.status = 'present' OR NEW.status = 'late'
                        OR NEW.status = 'representative')
   WHERE meeting_id = NEW.meeting_id AND NEW.deleted_at IS NULL;
  UPDATE tambon_circle_tally
     SET listed = listed + 1,
         came = came + (NEW.status = 'present' OR NEW.status = 'late'
                        OR NEW.status = 'representative')
   WHERE NEW.deleted_at IS NULL
     AND tambon_id = (SELECT tambon_id FROM meeting_tally
                       WHERE meeting_id = NEW.meeting_id AND live = 1)
     AND circle = (SELECT circle FROM meeting_tally
                    WHERE meeting_id = NEW.meeting_id);
END;
