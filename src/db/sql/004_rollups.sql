-- tapian schema, migration 4 (PRAGMA user_version = 2): summaries for the
-- province dashboards (meetings and attendance, six-step process).
--
-- At province scale (100,000 meetings, 2,000,000 attendance rows) counting
-- attendance at query time takes seconds. Derived tables are kept up to
-- date by triggers in the same transaction as each change, so a dashboard
-- reads a few hundred or a few thousand small rows instead:
--
--   meeting_tally        one row per meeting: its tambon, circle, date, and
--                        how many live attendance rows it has (listed) and
--                        how many of those came (present, late,
--                        representative — the same rule as attendee_count)
--   tambon_circle_tally  per tambon and circle, the sums over live meetings
--   six_step_tally       per tambon and step, villages in progress / reached
--
-- They are not records: no base columns, no audit, never synced (each file
-- derives its own), and db_insert refuses them. Tombstoned meetings,
-- attendance rows, six-step rows and villages do not count. A meeting's
-- tambon is its place when that is a tambon, the village's tambon when it
-- is a village, NULL otherwise. docs/PERFORMANCE.md has the figures.

CREATE TABLE meeting_tally (
  meeting_id TEXT PRIMARY KEY NOT NULL,
  tambon_id  TEXT,
  circle     TEXT NOT NULL,
  held_on    TEXT NOT NULL,
  live       INTEGER NOT NULL CHECK (live IN (0, 1)),
  listed     INTEGER NOT NULL DEFAULT 0 CHECK (listed >= 0),
  came       INTEGER NOT NULL DEFAULT 0 CHECK (came >= 0 AND came <= listed)
) WITHOUT ROWID;

-- A tambon's meetings, newest first (the implicit last key is meeting_id).
-- live is a key column, not a partial-index WHERE: then the index covers
-- the page query and skipping 400 rows reads no table rows.
CREATE INDEX meeting_tally_tambon_date ON meeting_tally (tambon_id, live,
                                                         held_on);

CREATE TABLE tambon_circle_tally (
  tambon_id TEXT NOT NULL,
  circle    TEXT NOT NULL,
  meetings  INTEGER NOT NULL DEFAULT 0 CHECK (meetings >= 0),
  listed    INTEGER NOT NULL DEFAULT 0 CHECK (listed >= 0),
  came      INTEGER NOT NULL DEFAULT 0 CHECK (came >= 0),
  PRIMARY KEY (tambon_id, circle)
) WITHOUT ROWID;

-- ---- second level: tambon_circle_tally, for new and moved meetings ---------

CREATE TRIGGER meeting_tally_ins AFTER INSERT ON meeting_tally
WHEN NEW.live = 1 AND NEW.tambon_id IS NOT NULL
BEGIN
  INSERT INTO tambon_circle_tally (tambon_id, circle, meetings, listed, came)
  VALUES (NEW.tambon_id, NEW.circle, 1, NEW.listed, NEW.came)
  ON CONFLICT (tambon_id, circle) DO UPDATE SET
    meetings = meetings + 1, listed = listed + excluded.listed,
    came = came + excluded.came;
END;

-- A meeting moved to another tambon or circle, tombstoned or restored
-- leaves its old bucket with its counts and joins its new one. (Attendance
-- changes update both levels directly, below, without this cascade: one
-- trigger frame per attendance row instead of two keeps bulk loads fast.)
CREATE TRIGGER meeting_tally_move AFTER UPDATE OF tambon_id, circle, live
ON meeting_tally
WHEN OLD.tambon_id IS NOT NEW.tambon_id OR OLD.circle IS NOT NEW.circle
     OR OLD.live IS NOT NEW.live
BEGIN
  UPDATE tambon_circle_tally
     SET meetings = meetings - 1, listed = listed - OLD.listed,
         came = came - OLD.came
   WHERE OLD.live = 1 AND tambon_id = OLD.tambon_id AND circle = OLD.circle;
  INSERT INTO tambon_circle_tally (tambon_id, circle, meetings, listed, came)
  SELECT NEW.tambon_id, NEW.circle, 1, NEW.listed, NEW.came
   WHERE NEW.live = 1 AND NEW.tambon_id IS NOT NULL
  ON CONFLICT (tambon_id, circle) DO UPDATE SET
    meetings = meetings + 1, listed = listed + excluded.listed,
    came = came + excluded.came;
END;

-- ---- backfill: a file that already has meetings gets its summaries --------
-- (before the triggers below exist, so nothing is counted twice)

INSERT INTO meeting_tally (meeting_id, tambon_id, circle, held_on, live,
                           listed, came)
SELECT m.id,
       (SELECT CASE p.kind WHEN 'tambon' THEN p.id
                           WHEN 'village' THEN p.parent_id END
          FROM place p WHERE p.id = m.place_id),
       m.circle, m.held_on, m.deleted_at IS NULL,
       (SELECT count(*) FROM attendance a
         WHERE a.meeting_id = m.id AND a.deleted_at IS NULL),
       (SELECT count(*) FROM attendance a
         WHERE a.meeting_id = m.id AND a.deleted_at IS NULL
           AND a.status IN ('present', 'late', 'representative'))
  FROM meeting m;

-- ---- first level: meeting_tally follows meeting and attendance ------------

CREATE TRIGGER meeting_tally_new AFTER INSERT ON meeting
BEGIN
  INSERT INTO meeting_tally (meeting_id, tambon_id, circle, held_on, live)
  VALUES (NEW.id,
          (SELECT CASE p.kind WHEN 'tambon' THEN p.id
                              WHEN 'village' THEN p.parent_id END
             FROM place p WHERE p.id = NEW.place_id),
          NEW.circle, NEW.held_on, NEW.deleted_at IS NULL);
END;

CREATE TRIGGER meeting_tally_change
AFTER UPDATE OF place_id, circle, held_on, deleted_at ON meeting
BEGIN
  UPDATE meeting_tally
     SET tambon_id = (SELECT CASE p.kind WHEN 'tambon' THEN p.id
                                         WHEN 'village' THEN p.parent_id END
                        FROM place p WHERE p.id = NEW.place_id),
         circle = NEW.circle, held_on = NEW.held_on,
         live = NEW.deleted_at IS NULL
   WHERE meeting_id = NEW.id;
END;

-- An attendance row counts in its meeting's tally and, while the meeting
-- is live and has a tambon, in that tambon's circle bucket.
CREATE TRIGGER attendance_tally_ins AFTER INSERT ON attendance
WHEN NEW.deleted_at IS NULL
BEGIN
  UPDATE meeting_tally
     SET listed = listed + 1,
         came = came + (NEW.status IN ('present', 'late', 'representative'))
   WHERE meeting_id = NEW.meeting_id;
  UPDATE tambon_circle_tally
     SET listed = listed + 1,
         came = came + (NEW.status IN ('present', 'late', 'representative'))
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
         came = came - (OLD.status IN ('present', 'late', 'representative'))
   WHERE meeting_id = OLD.meeting_id AND OLD.deleted_at IS NULL;
  UPDATE tambon_circle_tally
     SET listed = listed - 1,
         came = came - (OLD.status IN ('present', 'late', 'representative'))
   WHERE OLD.deleted_at IS NULL
     AND tambon_id = (SELECT tambon_id FROM meeting_tally
                       WHERE meeting_id = OLD.meeting_id AND live = 1)
     AND circle = (SELECT circle FROM meeting_tally
                    WHERE meeting_id = OLD.meeting_id);
  UPDATE meeting_tally
     SET listed = listed + 1,
         came = came + (NEW.status IN ('present', 'late', 'representative'))
   WHERE meeting_id = NEW.meeting_id AND NEW.deleted_at IS NULL;
  UPDATE tambon_circle_tally
     SET listed = listed + 1,
         came = came + (NEW.status IN ('present', 'late', 'representative'))
   WHERE NEW.deleted_at IS NULL
     AND tambon_id = (SELECT tambon_id FROM meeting_tally
                       WHERE meeting_id = NEW.meeting_id AND live = 1)
     AND circle = (SELECT circle FROM meeting_tally
                    WHERE meeting_id = NEW.meeting_id);
END;

-- A village moved to another tambon (or a place changing level) takes its
-- meetings with it.
CREATE TRIGGER place_tally_move AFTER UPDATE OF parent_id, kind ON place
BEGIN
  UPDATE meeting_tally
     SET tambon_id = CASE NEW.kind WHEN 'tambon' THEN NEW.id
                                   WHEN 'village' THEN NEW.parent_id END
   WHERE meeting_id IN (SELECT id FROM meeting WHERE place_id = NEW.id);
END;

-- ---- six-step process per tambon ----------------------------------------------
-- six_step_tally: per tambon and step, how many live villages are working on
-- it (in_progress) and how many reached it, over live six_step rows. A
-- village's rows count in its tambon while the village is live; moving or
-- tombstoning a village moves or removes its rows' counts.

CREATE TABLE six_step_tally (
  tambon_id   TEXT NOT NULL,
  step        INTEGER NOT NULL,
  in_progress INTEGER NOT NULL DEFAULT 0 CHECK (in_progress >= 0),
  reached     INTEGER NOT NULL DEFAULT 0 CHECK (reached >= 0),
  PRIMARY KEY (tambon_id, step)
) WITHOUT ROWID;

INSERT INTO six_step_tally (tambon_id, step, in_progress, reached)
SELECT v.parent_id, s.step, sum(s.status = 'in_progress'),
       sum(s.status = 'reached')
  FROM six_step s JOIN place v ON v.id = s.village_id
 WHERE s.deleted_at IS NULL AND v.deleted_at IS NULL
   AND v.parent_id IS NOT NULL
 GROUP BY v.parent_id, s.step;

CREATE TRIGGER six_step_tally_ins AFTER INSERT ON six_step
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO six_step_tally (tambon_id, step, in_progress, reached)
  SELECT v.parent_id, NEW.step, NEW.status = 'in_progress',
         NEW.status = 'reached'
    FROM place v
   WHERE v.id = NEW.village_id AND v.deleted_at IS NULL
     AND v.parent_id IS NOT NULL
  ON CONFLICT (tambon_id, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
END;

CREATE TRIGGER six_step_tally_upd
AFTER UPDATE OF status, deleted_at, village_id, step ON six_step
BEGIN
  UPDATE six_step_tally
     SET in_progress = in_progress - (OLD.status = 'in_progress'),
         reached = reached - (OLD.status = 'reached')
   WHERE OLD.deleted_at IS NULL AND step = OLD.step
     AND tambon_id = (SELECT parent_id FROM place
                       WHERE id = OLD.village_id AND deleted_at IS NULL);
  INSERT INTO six_step_tally (tambon_id, step, in_progress, reached)
  SELECT v.parent_id, NEW.step, NEW.status = 'in_progress',
         NEW.status = 'reached'
    FROM place v
   WHERE NEW.deleted_at IS NULL AND v.id = NEW.village_id
     AND v.deleted_at IS NULL AND v.parent_id IS NOT NULL
  ON CONFLICT (tambon_id, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
END;

-- A village moved, tombstoned or restored takes its live rows' counts along.
CREATE TRIGGER six_step_tally_village
AFTER UPDATE OF parent_id, deleted_at ON place
WHEN NEW.kind = 'village' AND (OLD.parent_id IS NOT NEW.parent_id
                               OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
  UPDATE six_step_tally
     SET in_progress = in_progress - (SELECT count(*) FROM six_step s
           WHERE s.village_id = NEW.id AND s.step = six_step_tally.step
             AND s.deleted_at IS NULL AND s.status = 'in_progress'),
         reached = reached - (SELECT count(*) FROM six_step s
           WHERE s.village_id = NEW.id AND s.step = six_step_tally.step
             AND s.deleted_at IS NULL AND s.status = 'reached')
   WHERE OLD.deleted_at IS NULL AND tambon_id = OLD.parent_id;
  INSERT INTO six_step_tally (tambon_id, step, in_progress, reached)
  SELECT NEW.parent_id, s.step, sum(s.status = 'in_progress'),
         sum(s.status = 'reached')
    FROM six_step s
   WHERE NEW.deleted_at IS NULL AND NEW.parent_id IS NOT NULL
     AND s.village_id = NEW.id AND s.deleted_at IS NULL
   GROUP BY s.step
  ON CONFLICT (tambon_id, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
END;

-- The tambon list counts live finance groups per place from this index
-- alone (finance_group_place would need a table read per group).
CREATE INDEX finance_group_place_live ON finance_group (place_id, deleted_at);
