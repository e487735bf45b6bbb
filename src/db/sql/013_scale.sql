-- tapian schema: summaries for the province-scale views.
--
-- six_step_wave_tally / six_step_wave_villages: the six-step board's waves
-- (pilot, 2549, 2550, 2551). A wave cuts across tambons, so six_step_tally
-- (per tambon) cannot give it and the board read all 9,600 six_step rows of
-- the province. A village counts in a wave while it and its tambon are live;
-- its wave is its own, else its tambon's. Per wave and step: villages in
-- progress / reached; per wave: villages, and villages that reached all six
-- steps ((village, step) is unique among live rows, so six reached rows are
-- all six). Triggers follow six_step rows (insert, status, step, village,
-- tombstone), a village's wave, tambon or tombstone, and a tambon's wave or
-- tombstone (which moves every village that takes the tambon's wave).
-- Derived data like the tallies of migration 4: no base columns, no audit,
-- never synced.

CREATE TABLE six_step_wave_tally (
  wave        TEXT NOT NULL,
  step        INTEGER NOT NULL,
  in_progress INTEGER NOT NULL DEFAULT 0,
  reached     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (wave, step)
) WITHOUT ROWID;

CREATE TABLE six_step_wave_villages (
  wave     TEXT PRIMARY KEY NOT NULL,
  villages INTEGER NOT NULL DEFAULT 0,
  all_six  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- ---- backfill (before the triggers exist) ----
INSERT INTO six_step_wave_villages (wave, villages, all_six)
SELECT w.wave, count(*), sum((SELECT count(*) FROM six_step s WHERE s.village_id = w.id AND s.deleted_at IS NULL AND s.status = 'reached') >= 6)
  FROM (SELECT v.id, coalesce(v.wave, t.wave) AS wave
          FROM place v JOIN place t ON t.id = v.parent_id
         WHERE v.kind = 'village' AND v.deleted_at IS NULL
           AND t.deleted_at IS NULL) AS w
 WHERE w.wave IS NOT NULL
 GROUP BY w.wave;

INSERT INTO six_step_wave_tally (wave, step, in_progress, reached)
SELECT w.wave, s.step, sum(s.status = 'in_progress'), sum(s.status = 'reached')
  FROM (SELECT v.id, coalesce(v.wave, t.wave) AS wave
          FROM place v JOIN place t ON t.id = v.parent_id
         WHERE v.kind = 'village' AND v.deleted_at IS NULL
           AND t.deleted_at IS NULL) AS w
  JOIN six_step s ON s.village_id = w.id AND s.deleted_at IS NULL
 WHERE w.wave IS NOT NULL
 GROUP BY w.wave, s.step;

-- ---- six_step rows ----
CREATE TRIGGER six_step_wave_ins AFTER INSERT ON six_step
WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO six_step_wave_tally (wave, step, in_progress, reached)
  SELECT (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL), NEW.step,
         NEW.status = 'in_progress', NEW.status = 'reached'
   WHERE (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL) IS NOT NULL
  ON CONFLICT (wave, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
  -- the sixth reached step makes the village complete
  UPDATE six_step_wave_villages SET all_six = all_six + 1
   WHERE NEW.status = 'reached' AND (SELECT count(*) FROM six_step s WHERE s.village_id = NEW.village_id AND s.deleted_at IS NULL AND s.status = 'reached') = 6
     AND wave = (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL);
END;

-- The row leaves its old (village, step) and joins its new one. A village
-- is complete when six live rows are reached: before the change that count
-- was the present one less the new row plus the old one.
CREATE TRIGGER six_step_wave_upd
AFTER UPDATE OF status, deleted_at, village_id, step ON six_step
BEGIN
  UPDATE six_step_wave_tally
     SET in_progress = in_progress - (OLD.status = 'in_progress'),
         reached = reached - (OLD.status = 'reached')
   WHERE OLD.deleted_at IS NULL AND step = OLD.step
     AND wave = (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = OLD.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL);
  INSERT INTO six_step_wave_tally (wave, step, in_progress, reached)
  SELECT (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL), NEW.step,
         NEW.status = 'in_progress', NEW.status = 'reached'
   WHERE NEW.deleted_at IS NULL AND (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL) IS NOT NULL
  ON CONFLICT (wave, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
  UPDATE six_step_wave_villages
     SET all_six = all_six + (SELECT (c >= 6) - (c
           - (NEW.deleted_at IS NULL AND NEW.status = 'reached'
              AND NEW.village_id = OLD.village_id)
           + (OLD.deleted_at IS NULL AND OLD.status = 'reached') >= 6)
           FROM (SELECT (SELECT count(*) FROM six_step s WHERE s.village_id = OLD.village_id AND s.deleted_at IS NULL AND s.status = 'reached') AS c))
   WHERE wave = (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = OLD.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL);
  UPDATE six_step_wave_villages
     SET all_six = all_six + (SELECT (c >= 6) - (c
           - (NEW.deleted_at IS NULL AND NEW.status = 'reached') >= 6)
           FROM (SELECT (SELECT count(*) FROM six_step s WHERE s.village_id = NEW.village_id AND s.deleted_at IS NULL AND s.status = 'reached') AS c))
   WHERE NEW.village_id IS NOT OLD.village_id
     AND wave = (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.village_id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL);
END;

-- ---- villages: a new one, or one whose wave, tambon or tombstone changed
-- takes its rows' counts from its old wave to its new one ----
CREATE TRIGGER six_step_wave_village_ins AFTER INSERT ON place
WHEN NEW.kind = 'village' AND NEW.deleted_at IS NULL
BEGIN
  INSERT INTO six_step_wave_villages (wave, villages, all_six)
  SELECT (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL), 1, (SELECT count(*) FROM six_step s WHERE s.village_id = NEW.id AND s.deleted_at IS NULL AND s.status = 'reached') >= 6
   WHERE (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL) IS NOT NULL
  ON CONFLICT (wave) DO UPDATE SET villages = villages + 1,
    all_six = all_six + excluded.all_six;
  INSERT INTO six_step_wave_tally (wave, step, in_progress, reached)
  SELECT (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL), s.step, sum(s.status = 'in_progress'), sum(s.status = 'reached')
    FROM six_step s
   WHERE (SELECT coalesce(v.wave, t.wave) FROM place v JOIN place t ON t.id = v.parent_id WHERE v.id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND t.deleted_at IS NULL) IS NOT NULL AND s.village_id = NEW.id AND s.deleted_at IS NULL
   GROUP BY s.step
  ON CONFLICT (wave, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
END;

CREATE TRIGGER six_step_wave_village_upd
AFTER UPDATE OF wave, parent_id, deleted_at ON place
WHEN NEW.kind = 'village' AND OLD.kind = 'village'
     AND (OLD.wave IS NOT NEW.wave OR OLD.parent_id IS NOT NEW.parent_id
          OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
  UPDATE six_step_wave_villages
     SET villages = villages - 1,
         all_six = all_six - ((SELECT count(*) FROM six_step s WHERE s.village_id = NEW.id AND s.deleted_at IS NULL AND s.status = 'reached') >= 6)
   WHERE wave = (CASE WHEN OLD.deleted_at IS NULL THEN (SELECT coalesce(OLD.wave, t.wave) FROM place t WHERE t.id = OLD.parent_id AND t.deleted_at IS NULL) END);
  UPDATE six_step_wave_tally
     SET in_progress = in_progress - (SELECT count(*) FROM six_step s
           WHERE s.village_id = NEW.id AND s.step = six_step_wave_tally.step
             AND s.deleted_at IS NULL AND s.status = 'in_progress'),
         reached = reached - (SELECT count(*) FROM six_step s
           WHERE s.village_id = NEW.id AND s.step = six_step_wave_tally.step
             AND s.deleted_at IS NULL AND s.status = 'reached')
   WHERE wave = (CASE WHEN OLD.deleted_at IS NULL THEN (SELECT coalesce(OLD.wave, t.wave) FROM place t WHERE t.id = OLD.parent_id AND t.deleted_at IS NULL) END);
  INSERT INTO six_step_wave_villages (wave, villages, all_six)
  SELECT (CASE WHEN NEW.deleted_at IS NULL THEN (SELECT coalesce(NEW.wave, t.wave) FROM place t WHERE t.id = NEW.parent_id AND t.deleted_at IS NULL) END), 1, (SELECT count(*) FROM six_step s WHERE s.village_id = NEW.id AND s.deleted_at IS NULL AND s.status = 'reached') >= 6
   WHERE (CASE WHEN NEW.deleted_at IS NULL THEN (SELECT coalesce(NEW.wave, t.wave) FROM place t WHERE t.id = NEW.parent_id AND t.deleted_at IS NULL) END) IS NOT NULL
  ON CONFLICT (wave) DO UPDATE SET villages = villages + 1,
    all_six = all_six + excluded.all_six;
  INSERT INTO six_step_wave_tally (wave, step, in_progress, reached)
  SELECT (CASE WHEN NEW.deleted_at IS NULL THEN (SELECT coalesce(NEW.wave, t.wave) FROM place t WHERE t.id = NEW.parent_id AND t.deleted_at IS NULL) END), s.step, sum(s.status = 'in_progress'), sum(s.status = 'reached')
    FROM six_step s
   WHERE (CASE WHEN NEW.deleted_at IS NULL THEN (SELECT coalesce(NEW.wave, t.wave) FROM place t WHERE t.id = NEW.parent_id AND t.deleted_at IS NULL) END) IS NOT NULL AND s.village_id = NEW.id AND s.deleted_at IS NULL
   GROUP BY s.step
  ON CONFLICT (wave, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
END;

-- ---- a tambon's wave or tombstone moves every live village of it whose
-- wave (or count) changes with it ----
CREATE TRIGGER six_step_wave_tambon_upd
AFTER UPDATE OF wave, deleted_at ON place
WHEN NEW.kind = 'tambon'
     AND (OLD.wave IS NOT NEW.wave OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
  UPDATE six_step_wave_villages
     SET villages = villages - (SELECT count(*) FROM place v
           WHERE v.parent_id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) = six_step_wave_villages.wave
             AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) IS NOT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END)),
         all_six = all_six - (SELECT count(*) FROM place v
           WHERE v.parent_id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) = six_step_wave_villages.wave
             AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) IS NOT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END) AND (SELECT count(*) FROM six_step s WHERE s.village_id = v.id AND s.deleted_at IS NULL AND s.status = 'reached') >= 6);
  UPDATE six_step_wave_tally
     SET in_progress = in_progress - (SELECT count(*) FROM place v
           JOIN six_step s ON s.village_id = v.id AND s.deleted_at IS NULL
           WHERE v.parent_id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) = six_step_wave_tally.wave
             AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) IS NOT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END) AND s.step = six_step_wave_tally.step
             AND s.status = 'in_progress'),
         reached = reached - (SELECT count(*) FROM place v
           JOIN six_step s ON s.village_id = v.id AND s.deleted_at IS NULL
           WHERE v.parent_id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) = six_step_wave_tally.wave
             AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) IS NOT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END) AND s.step = six_step_wave_tally.step
             AND s.status = 'reached');
  INSERT INTO six_step_wave_villages (wave, villages, all_six)
  SELECT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END), count(*), sum((SELECT count(*) FROM six_step s WHERE s.village_id = v.id AND s.deleted_at IS NULL AND s.status = 'reached') >= 6)
    FROM place v
   WHERE v.parent_id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END) IS NOT NULL AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) IS NOT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END)
   GROUP BY 1
  ON CONFLICT (wave) DO UPDATE SET villages = villages + excluded.villages,
    all_six = all_six + excluded.all_six;
  INSERT INTO six_step_wave_tally (wave, step, in_progress, reached)
  SELECT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END), s.step, sum(s.status = 'in_progress'), sum(s.status = 'reached')
    FROM place v
    JOIN six_step s ON s.village_id = v.id AND s.deleted_at IS NULL
   WHERE v.parent_id = NEW.id AND v.kind = 'village' AND v.deleted_at IS NULL AND (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END) IS NOT NULL AND (CASE WHEN OLD.deleted_at IS NULL THEN coalesce(v.wave, OLD.wave) END) IS NOT (CASE WHEN NEW.deleted_at IS NULL THEN coalesce(v.wave, NEW.wave) END)
   GROUP BY 1, 2
  ON CONFLICT (wave, step) DO UPDATE SET
    in_progress = in_progress + excluded.in_progress,
    reached = reached + excluded.reached;
END;

-- ---- meetings per month, for the dashboard's two month panels ----
-- The panels read twelve months of meeting_tally (about 30,000 of the
-- province's 100,000 meetings) and grouped them on each draw: about 140 ms
-- of CPU each at province scale, and a covering index still left 50 ms in
-- the grouping. Per month they read at most 7 x 12 and 165 x 12 rows here.
--   circle_month_tally   per circle and month (YYYY-MM): live meetings,
--                        attendance rows listed and came (any place)
--   tambon_month_tally   per tambon and month: live meetings
-- They follow meeting_tally (migration 4): a meeting added, moved to
-- another tambon, circle or date, tombstoned or restored, and every change
-- of its listed / came counts.

CREATE TABLE circle_month_tally (
  circle   TEXT NOT NULL,
  month    TEXT NOT NULL,
  meetings INTEGER NOT NULL DEFAULT 0,
  listed   INTEGER NOT NULL DEFAULT 0,
  came     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (circle, month)
) WITHOUT ROWID;

CREATE TABLE tambon_month_tally (
  tambon_id TEXT NOT NULL,
  month     TEXT NOT NULL,
  meetings  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tambon_id, month)
) WITHOUT ROWID;

INSERT INTO circle_month_tally (circle, month, meetings, listed, came)
SELECT circle, substr(held_on, 1, 7), count(*), sum(listed), sum(came)
  FROM meeting_tally WHERE live = 1
 GROUP BY circle, substr(held_on, 1, 7);

INSERT INTO tambon_month_tally (tambon_id, month, meetings)
SELECT tambon_id, substr(held_on, 1, 7), count(*)
  FROM meeting_tally WHERE live = 1 AND tambon_id IS NOT NULL
 GROUP BY tambon_id, substr(held_on, 1, 7);

CREATE TRIGGER month_tally_ins AFTER INSERT ON meeting_tally
WHEN NEW.live = 1
BEGIN
  INSERT INTO circle_month_tally (circle, month, meetings, listed, came)
  VALUES (NEW.circle, substr(NEW.held_on, 1, 7), 1, NEW.listed, NEW.came)
  ON CONFLICT (circle, month) DO UPDATE SET meetings = meetings + 1,
    listed = listed + excluded.listed, came = came + excluded.came;
  INSERT INTO tambon_month_tally (tambon_id, month, meetings)
  SELECT NEW.tambon_id, substr(NEW.held_on, 1, 7), 1
   WHERE NEW.tambon_id IS NOT NULL
  ON CONFLICT (tambon_id, month) DO UPDATE SET meetings = meetings + 1;
END;

-- Attendance changes set listed and came only (migration 4's triggers); a
-- change that also moves the meeting is month_tally_move's.
CREATE TRIGGER month_tally_counts AFTER UPDATE OF listed, came ON meeting_tally
WHEN NEW.live = 1 AND OLD.live = 1 AND OLD.circle IS NEW.circle
     AND OLD.held_on IS NEW.held_on AND OLD.tambon_id IS NEW.tambon_id
BEGIN
  UPDATE circle_month_tally
     SET listed = listed + NEW.listed - OLD.listed,
         came = came + NEW.came - OLD.came
   WHERE circle = NEW.circle AND month = substr(NEW.held_on, 1, 7);
END;

CREATE TRIGGER month_tally_move
AFTER UPDATE OF tambon_id, circle, held_on, live ON meeting_tally
WHEN OLD.tambon_id IS NOT NEW.tambon_id OR OLD.circle IS NOT NEW.circle
     OR OLD.held_on IS NOT NEW.held_on OR OLD.live IS NOT NEW.live
BEGIN
  UPDATE circle_month_tally
     SET meetings = meetings - 1, listed = listed - OLD.listed,
         came = came - OLD.came
   WHERE OLD.live = 1 AND circle = OLD.circle
     AND month = substr(OLD.held_on, 1, 7);
  UPDATE tambon_month_tally SET meetings = meetings - 1
   WHERE OLD.live = 1 AND tambon_id = OLD.tambon_id
     AND month = substr(OLD.held_on, 1, 7);
  INSERT INTO circle_month_tally (circle, month, meetings, listed, came)
  SELECT NEW.circle, substr(NEW.held_on, 1, 7), 1, NEW.listed, NEW.came
   WHERE NEW.live = 1
  ON CONFLICT (circle, month) DO UPDATE SET meetings = meetings + 1,
    listed = listed + excluded.listed, came = came + excluded.came;
  INSERT INTO tambon_month_tally (tambon_id, month, meetings)
  SELECT NEW.tambon_id, substr(NEW.held_on, 1, 7), 1
   WHERE NEW.live = 1 AND NEW.tambon_id IS NOT NULL
  ON CONFLICT (tambon_id, month) DO UPDATE SET meetings = meetings + 1;
END;

-- ---- counting a long list ----
-- A list's count (the status line's "record 1 of 100,000") walked the
-- list's own index, about 60 bytes an entry (27 ms of CPU at 100,000 rows
-- with a cold cache). These hold nothing but the live rows' rowids, a few
-- bytes each: the count of an unfiltered list reads about 400 kB.
CREATE INDEX knowledge_asset_live ON knowledge_asset (deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX meeting_live ON meeting (deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX person_live ON person (deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX lesson_live ON lesson (deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX note_live ON note (deleted_at) WHERE deleted_at IS NULL;
