/* The fish model's queries: the group picker with its counts per part, the
 * items of one part, and the tambon overview. */
#include <string.h>

#include "db_internal.h"
#include "tapian/db_fish.h"

static const char *text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* Live groups with their tambon (a group sits in a village, or in a tambon
 * when it is a tambon network) and live item counts per part. */
#define GROUPS_CTE                                                           \
    "gt AS (SELECT g.id, g.name, g.name_sortkey, g.type, "                   \
    "  CASE p.kind WHEN 'village' THEN p.parent_id ELSE p.id END AS tambon_id, " \
    "  CASE p.kind WHEN 'village' THEN p.name END AS village, "              \
    "  CASE p.kind WHEN 'village' THEN p.moo END AS moo, "                  \
    "  (SELECT count(*) FROM fish_goal x WHERE x.group_id = g.id "           \
    "    AND x.deleted_at IS NULL) AS goals, "                               \
    "  (SELECT count(*) FROM fish_sharing x WHERE x.group_id = g.id "        \
    "    AND x.deleted_at IS NULL) AS sharing, "                             \
    "  (SELECT count(*) FROM fish_knowledge x WHERE x.group_id = g.id "      \
    "    AND x.deleted_at IS NULL) AS knowledge "                            \
    "  FROM finance_group g JOIN place p ON p.id = g.place_id "              \
    "  WHERE g.deleted_at IS NULL AND p.deleted_at IS NULL) "

tp_status db_fish_groups(tp_db *db, db_fish_group_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "fish.groups",
        "WITH " GROUPS_CTE
        "SELECT gt.id, gt.name, gt.type, gt.tambon_id, t.name, gt.village, "
        "  gt.moo, gt.goals, gt.sharing, gt.knowledge "
        "FROM gt JOIN place t ON t.id = gt.tambon_id "
        "WHERE t.deleted_at IS NULL "
        /* stored Thai keys (migration 006): sorting 8,000 groups with
         * COLLATE THAI took about half a second at province scale */
        "ORDER BY t.name_sortkey, t.id, gt.name_sortkey, gt.id", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_fish_group g = {
            .id = text(st, 0),
            .name = text(st, 1),
            .type = text(st, 2),
            .tambon_id = text(st, 3),
            .tambon = text(st, 4),
            .village = text(st, 5),
            .moo = sqlite3_column_int(st, 6),
            .goals = sqlite3_column_int(st, 7),
            .sharing = sqlite3_column_int(st, 8),
            .knowledge = sqlite3_column_int(st, 9),
        };
        if (!fn(ctx, &g)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

const char *db_fish_table(db_fish_part part)
{
    static const char *const t[] = {"fish_goal", "fish_sharing",
                                    "fish_knowledge"};
    return part <= DB_FISH_TAIL ? t[part] : NULL;
}

const char *db_fish_column(db_fish_part part)
{
    static const char *const c[] = {"goal", "activity", "item"};
    return part <= DB_FISH_TAIL ? c[part] : NULL;
}

static const char *const item_sql[] = {
    [DB_FISH_HEAD] =
        "SELECT id, version, goal, indicator, target_on FROM fish_goal "
        "WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    /* the linked meeting's title stands in when the activity has no note */
    [DB_FISH_BODY] =
        "SELECT s.id, s.version, s.activity, coalesce(s.note, m.title), "
        "  coalesce(s.held_on, m.held_on) FROM fish_sharing s "
        "LEFT JOIN meeting m ON m.id = s.meeting_id AND m.deleted_at IS NULL "
        "WHERE s.group_id = ?1 AND s.deleted_at IS NULL "
        "ORDER BY s.created_at, s.id",
    [DB_FISH_TAIL] =
        "SELECT id, version, item, note, NULL FROM fish_knowledge "
        "WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
};

tp_status db_fish_items(tp_db *db, const char *group_id, db_fish_part part,
                        db_fish_item_fn fn, void *ctx)
{
    if (!group_id || part > DB_FISH_TAIL)
        return TP_ERR_INVALID;
    static const char *const keys[] = {"fish.head", "fish.body", "fish.tail"};
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, keys[part], item_sql[part], &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, group_id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_fish_item it = {
            .id = text(st, 0),
            .version = sqlite3_column_int64(st, 1),
            .text = text(st, 2),
            .detail = text(st, 3),
            .date = text(st, 4),
        };
        if (!fn(ctx, &it)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_fish_by_tambon(tp_db *db, db_fish_tambon_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "fish.by_tambon",
        "WITH " GROUPS_CTE
        "SELECT t.id, t.name, a.name, count(*), sum(gt.goals > 0), "
        "  sum(gt.knowledge > 0), sum(gt.goals > 0 AND gt.knowledge > 0) "
        "FROM gt JOIN place t ON t.id = gt.tambon_id "
        "LEFT JOIN place a ON a.id = t.parent_id "
        "WHERE t.deleted_at IS NULL "
        "GROUP BY t.id ORDER BY t.name_sortkey, t.id", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_fish_tambon t = {
            .tambon_id = text(st, 0),
            .tambon = text(st, 1),
            .amphoe = text(st, 2),
            .groups = sqlite3_column_int(st, 3),
            .with_head = sqlite3_column_int(st, 4),
            .with_tail = sqlite3_column_int(st, 5),
            .ready = sqlite3_column_int(st, 6),
        };
        if (!fn(ctx, &t)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}
