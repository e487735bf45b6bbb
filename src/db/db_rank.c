/* The Thai order of tambons, kept per connection so that list pages and
 * dashboards do not sort Thai names on every call: the THAI collation costs
 * about a microsecond per comparison, and ordering 165 tambons by amphoe and
 * name took most of a 2 ms page budget. The cache lives in the connection's
 * temp schema, so the file itself (and the stock sqlite3 shell) never sees
 * it; temp triggers on main.place clear it when this connection renames,
 * moves, adds or tombstones an amphoe or tambon, and PRAGMA data_version
 * tells when another connection has committed. */
#include "db_rank.h"

static const char setup_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS tambon_rank ("
    "  ord INTEGER PRIMARY KEY, id TEXT NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS tambon_rank_state ("
    "  data_version INTEGER NOT NULL);"
    "CREATE TEMP TRIGGER IF NOT EXISTS tambon_rank_ins AFTER INSERT ON main.place "
    "WHEN NEW.kind IN ('amphoe', 'tambon') "
    "BEGIN DELETE FROM tambon_rank_state; END;"
    "CREATE TEMP TRIGGER IF NOT EXISTS tambon_rank_upd "
    "AFTER UPDATE OF kind, name, parent_id, deleted_at ON main.place "
    "WHEN NEW.kind IN ('amphoe', 'tambon') OR OLD.kind IN ('amphoe', 'tambon') "
    "BEGIN DELETE FROM tambon_rank_state; END;";

/* Amphoe are ranked first (23 names), then tambons by that integer rank and
 * their own name, so Thai comparisons only happen within one amphoe. */
static const char rebuild_sql[] =
    "WITH a AS (SELECT id, row_number() OVER (ORDER BY name COLLATE THAI, id) "
    "  AS rank FROM place WHERE kind = 'amphoe' AND deleted_at IS NULL) "
    "INSERT INTO temp.tambon_rank (ord, id) "
    "SELECT row_number() OVER (ORDER BY a.rank, t.name COLLATE THAI, t.id), "
    "  t.id FROM place t LEFT JOIN a ON a.id = t.parent_id "
    "WHERE t.kind = 'tambon' AND t.deleted_at IS NULL";

/* One cached statement without results; ?1 is bound when version >= 0. */
static tp_status run(tp_db *db, const char *key, const char *sql,
                     long long version)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    if (version >= 0)
        sqlite3_bind_int64(st, 1, version);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* The state row goes in last: a rebuild cut short is redone next time. */
static tp_status rebuild(tp_db *db, long long version)
{
    tp_status s = run(db, "rank.forget", "DELETE FROM temp.tambon_rank_state",
                      -1);
    if (s == TP_OK)
        s = run(db, "rank.clear", "DELETE FROM temp.tambon_rank", -1);
    if (s == TP_OK)
        s = run(db, "rank.rebuild", rebuild_sql, -1);
    if (s == TP_OK)
        s = run(db, "rank.state", "INSERT INTO temp.tambon_rank_state "
                                  "(data_version) VALUES (?1)", version);
    return s;
}

tp_status db_tambon_rank_fresh(tp_db *db)
{
    long long version = 0, have = -1;
    tp_status s = db_query_int(db, "rank.data_version", "PRAGMA data_version",
                               NULL, &version);
    if (s != TP_OK)
        return s;
    s = db_query_int(db, "rank.have",
                     "SELECT data_version FROM temp.tambon_rank_state", NULL,
                     &have);
    if (s == TP_ERR_INVALID) {
        /* First use on this connection: the temp tables do not exist yet. */
        s = db_exec(db, setup_sql);
        if (s != TP_OK)
            return s;
    } else if (s == TP_OK && have == version) {
        return TP_OK;
    } else if (s != TP_OK && s != TP_ERR_NOTFOUND) {
        return s;
    }
    return rebuild(db, version);
}
