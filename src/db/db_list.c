/* Generic lists for the list views: one built SELECT per query shape, with
 * every table and column name checked against the schema and quoted, and
 * every value bound.
 *
 * Speed at 100,000 rows: filters on indexed columns, date ranges and an
 * order on an indexed date/number column (meeting.held_on, lesson.written_on)
 * walk the index, so a page costs about its offset in index steps. Text
 * columns sort in Thai: by their stored key <col>_sortkey when the table
 * has one (migration 005; an index on (key, id) over the live rows walks
 * the list in order), else with COLLATE THAI, which no index can carry, so
 * each page sorts the matching rows again (4 s a page at 100,000 rows).
 * docs/PERFORMANCE.md has the figures. Substring search and count are
 * scans: instr() has no index, which is what makes 1- and 2-character
 * Thai searches work at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db_internal.h"
#include "tapian/db_records.h"
#include "tapian/text.h"

#define LIST_MAX_COLS 64
#define LIST_MAX_BINDS 80

struct built {
    sqlite3_str *from;  /* FROM ... WHERE ...; */
    bool with_places;   /* needs the WITH RECURSIVE sub(...) prefix */
    int place_param;
    db_value b[LIST_MAX_BINDS];
    int nb;
    char *search;       /* NFC copy of the search text (malloc'd) */
};

static tp_status bad(tp_db *db, const char *table, const char *col)
{
    db_set_error(db, "%s: no column %s", table ? table : "(none)",
                 col ? col : "(none)");
    return TP_ERR_INVALID;
}

static int bind(struct built *w, db_value v)
{
    if (w->nb >= LIST_MAX_BINDS)
        return -1;
    v.column = NULL;
    w->b[w->nb++] = v;
    return w->nb;
}

/* Whether rows order by this column in Thai: text, but not ids, the
 * timestamps (*_at) and the ISO dates the schema checks with
 * date(col, '+0 days'). */
static bool thai_order(tp_db *db, const char *table, const char *col)
{
    char type[32];
    size_t n = strlen(col);
    if (!db_column_type(db, table, col, type) || strcasecmp(type, "TEXT") != 0)
        return false;
    if (strcmp(col, "id") == 0 || (n > 3 && strcmp(col + n - 3, "_at") == 0) ||
        (n > 3 && strcmp(col + n - 3, "_id") == 0))
        return false;
    char pat[96];
    snprintf(pat, sizeof pat, "date(%s,", col);
    sqlite3_stmt *st;
    if (db_stmt(db, "list.is_date",
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                "AND name = ?2 AND instr(replace(sql, ' ', ''), ?1) > 0",
                &st) != TP_OK)
        return true;
    sqlite3_bind_text(st, 1, pat, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, table, -1, SQLITE_TRANSIENT);
    long long dates = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        dates = sqlite3_column_int64(st, 0);
    db_stmt_done(st);
    return dates == 0;
}

static bool is_record_table(tp_db *db, const char *table)
{
    return db_has_column(db, table, "id") &&
           db_has_column(db, table, "version") &&
           db_has_column(db, table, "deleted_at");
}

static tp_status add_search(tp_db *db, const db_list_query *q,
                            struct built *w)
{
    size_t len = strlen(q->search);
    size_t out_len;
    tp_status s = text_nfc(q->search, len, &w->search, &out_len);
    if (s != TP_OK)
        return s;
    const char *const *cols = q->n_search ? q->search_columns : q->columns;
    size_t n = q->n_search ? q->n_search : q->n_columns;
    if (n == 0 || !cols)
        return bad(db, q->table, "(search)");
    int k = bind(w, DB_V_TEXT(NULL, w->search));
    if (k < 0)
        return TP_ERR_INVALID;
    sqlite3_str_appendall(w->from, " AND (");
    for (size_t i = 0; i < n; i++) {
        if (!db_has_column(db, q->table, cols[i]))
            return bad(db, q->table, cols[i]);
        /* lower() folds ASCII only; Thai has no case. */
        sqlite3_str_appendf(w->from, "%sinstr(lower(t.\"%w\"), lower(?%d)) > 0",
                            i ? " OR " : "", cols[i], k);
    }
    sqlite3_str_appendall(w->from, ")");
    return TP_OK;
}

/* FROM and WHERE shared by the list, its count and the position. */
static tp_status build_where(tp_db *db, const db_list_query *q,
                             struct built *w)
{
    if (!q || !db_table_exists(db, q->table) ||
        !is_record_table(db, q->table)) {
        db_set_error(db, "list: %s is not a record table",
                     q && q->table ? q->table : "(none)");
        return TP_ERR_INVALID;
    }
    sqlite3_str_appendf(w->from, " FROM \"%w\" AS t WHERE 1", q->table);
    if (!q->include_deleted)
        sqlite3_str_appendall(w->from, " AND t.deleted_at IS NULL");
    for (size_t i = 0; i < q->n_filters; i++) {
        const char *c = q->filters[i].column;
        if (!db_has_column(db, q->table, c))
            return bad(db, q->table, c);
        int k = bind(w, q->filters[i]);
        if (k < 0)
            return TP_ERR_INVALID;
        sqlite3_str_appendf(w->from, " AND t.\"%w\" IS ?%d", c, k);
    }
    if (q->date_column && (q->date_from || q->date_to)) {
        if (!db_has_column(db, q->table, q->date_column))
            return bad(db, q->table, q->date_column);
        if (q->date_from)
            sqlite3_str_appendf(w->from, " AND t.\"%w\" >= ?%d",
                                q->date_column,
                                bind(w, DB_V_TEXT(NULL, q->date_from)));
        if (q->date_to)
            sqlite3_str_appendf(w->from, " AND t.\"%w\" <= ?%d",
                                q->date_column,
                                bind(w, DB_V_TEXT(NULL, q->date_to)));
    }
    if (q->place_column && q->place_id) {
        if (!db_has_column(db, q->table, q->place_column))
            return bad(db, q->table, q->place_column);
        w->with_places = true;
        w->place_param = bind(w, DB_V_TEXT(NULL, q->place_id));
        sqlite3_str_appendf(w->from, " AND t.\"%w\" IN (SELECT id FROM sub)",
                            q->place_column);
    }
    if (q->search && *q->search) {
        tp_status s = add_search(db, q, w);
        if (s != TP_OK)
            return s;
    }
    return w->nb < LIST_MAX_BINDS ? TP_OK : TP_ERR_INVALID;
}

/* The place and every place below it (at most four levels). */
static void append_with(sqlite3_str *sql, const struct built *w)
{
    if (w->with_places)
        sqlite3_str_appendf(sql, "WITH RECURSIVE sub(id) AS (SELECT ?%d "
                                 "UNION SELECT p.id FROM place AS p "
                                 "JOIN sub ON p.parent_id = sub.id) ",
                            w->place_param);
}

static tp_status append_order(tp_db *db, const db_list_query *q,
                              sqlite3_str *sql)
{
    const char *dir = q->order_desc ? " DESC" : "";
    if (q->order_column) {
        if (!db_has_column(db, q->table, q->order_column))
            return bad(db, q->table, q->order_column);
        char key[96];
        if (db_sortkey_column(db, q->table, q->order_column, key))
            /* the stored key's byte order is COLLATE THAI's */
            sqlite3_str_appendf(sql, "ORDER BY t.\"%w\"%s, t.id%s", key,
                                dir, dir);
        else
            sqlite3_str_appendf(sql, "ORDER BY t.\"%w\"%s%s, t.id%s",
                                q->order_column,
                                thai_order(db, q->table, q->order_column)
                                    ? " COLLATE THAI" : "",
                                dir, dir);
    } else {
        sqlite3_str_appendf(sql, "ORDER BY t.id%s", dir);
    }
    return TP_OK;
}

enum shape { LIST, COUNT, POSITION };

/* The whole statement: [WITH] head FROM ... WHERE ... tail. For POSITION,
 * row_number() over the list's own ORDER BY gives the same order and ties,
 * and the row sought is bound last. */
static tp_status build(tp_db *db, const db_list_query *q, struct built *w,
                       enum shape shape, const char *head, const char *id,
                       char **sql_out)
{
    *sql_out = NULL;
    memset(w, 0, sizeof *w);
    w->from = sqlite3_str_new(db->conn);
    tp_status s = build_where(db, q, w);
    char *from = sqlite3_str_finish(w->from);
    w->from = NULL;
    sqlite3_str *order = sqlite3_str_new(db->conn);
    if (s == TP_OK)
        s = append_order(db, q, order);
    char *ord = sqlite3_str_finish(order);
    if (s == TP_OK && (!from || !ord))
        s = TP_ERR_NOMEM;
    sqlite3_str *sql = sqlite3_str_new(db->conn);
    if (s == TP_OK) {
        append_with(sql, w);
        if (shape == POSITION)
            sqlite3_str_appendf(sql, "SELECT pos FROM (SELECT t.id AS rid, "
                                     "row_number() OVER (%s) - 1 AS pos%s) "
                                     "WHERE rid = ?%d",
                                ord, from, bind(w, DB_V_TEXT(NULL, id)));
        else if (shape == COUNT)
            sqlite3_str_appendf(sql, "SELECT count(*)%s", from);
        else
            sqlite3_str_appendf(sql, "%s%s %s LIMIT ?%d OFFSET ?%d", head,
                                from, ord,
                                bind(w, DB_V_INT(NULL, q->limit > 0 ? q->limit : -1)),
                                bind(w, DB_V_INT(NULL, q->offset > 0 ? q->offset : 0)));
    }
    sqlite3_free(from);
    sqlite3_free(ord);
    char *text = sqlite3_str_finish(sql);
    if (s == TP_OK && (!text || w->nb >= LIST_MAX_BINDS))
        s = text ? TP_ERR_INVALID : TP_ERR_NOMEM;
    if (s != TP_OK) {
        sqlite3_free(text);
        free(w->search);
        w->search = NULL;
        return s;
    }
    *sql_out = text;
    return TP_OK;
}

static tp_status select_list(tp_db *db, const db_list_query *q,
                             sqlite3_str *sel)
{
    if (q->n_columns > LIST_MAX_COLS || (q->n_columns && !q->columns))
        return TP_ERR_INVALID;
    sqlite3_str_appendall(sel, "SELECT t.id, t.version, "
                               "t.deleted_at IS NOT NULL");
    for (size_t i = 0; i < q->n_columns; i++) {
        if (!db_has_column(db, q->table, q->columns[i]))
            return bad(db, q->table, q->columns[i]);
        sqlite3_str_appendf(sel, ", t.\"%w\"", q->columns[i]);
    }
    return TP_OK;
}

tp_status db_list(tp_db *db, const db_list_query *q, db_record_fn fn, void *ctx)
{
    if (!q || !fn)
        return TP_ERR_INVALID;
    sqlite3_str *sel = sqlite3_str_new(db->conn);
    tp_status s = db_table_exists(db, q->table) ? select_list(db, q, sel)
                                                : TP_ERR_INVALID;
    char *select = sqlite3_str_finish(sel);
    if (s == TP_OK && !select)
        s = TP_ERR_NOMEM;
    struct built w;
    char *sql = NULL;
    if (s == TP_OK)
        s = build(db, q, &w, LIST, select, NULL, &sql);
    sqlite3_free(select);
    if (s != TP_OK) {
        if (s == TP_ERR_INVALID && !db->err[0])
            db_set_error(db, "list: bad query");
        return s;
    }
    /* Not from the statement cache: fn may run other queries, even this
     * same list, while this statement is still stepping. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        free(w.search);
        return db_fail(db, rc, NULL);
    }
    for (int i = 0; i < w.nb; i++)
        db_bind_value(st, i + 1, &w.b[i]);
    const char *vals[LIST_MAX_COLS + 1];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (size_t i = 0; i < q->n_columns; i++)
            vals[i] = (const char *)sqlite3_column_text(st, (int)i + 3);
        db_row row = {
            .id = (const char *)sqlite3_column_text(st, 0),
            .version = sqlite3_column_int64(st, 1),
            .deleted = sqlite3_column_int(st, 2) != 0,
            .values = vals,
            .n = q->n_columns,
        };
        if (fn(ctx, &row) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    sqlite3_finalize(st);
    free(w.search);
    return s;
}

/* Runs a built one-number query from the statement cache. */
static tp_status run_int(tp_db *db, const char *sql, const struct built *w,
                         long *out)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, sql, sql, &st);
    if (s != TP_OK)
        return s;
    for (int i = 0; i < w->nb; i++)
        db_bind_value(st, i + 1, &w->b[i]);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(st, 0);
    else if (rc == SQLITE_DONE)
        s = TP_ERR_NOTFOUND;
    else
        s = db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

tp_status db_list_count(tp_db *db, const db_list_query *q, long *count)
{
    struct built w;
    char *sql;
    tp_status s = build(db, q, &w, COUNT, NULL, NULL, &sql);
    if (s != TP_OK)
        return s;
    s = run_int(db, sql, &w, count);
    sqlite3_free(sql);
    free(w.search);
    return s;
}

tp_status db_list_position(tp_db *db, const db_list_query *q, const char *id,
                           long *pos)
{
    if (!id)
        return TP_ERR_INVALID;
    struct built w;
    char *sql;
    tp_status s = build(db, q, &w, POSITION, NULL, id, &sql);
    if (s != TP_OK)
        return s;
    s = run_int(db, sql, &w, pos);
    if (s == TP_ERR_NOTFOUND)
        db_set_error(db, "list: row %s is not in this list", id);
    sqlite3_free(sql);
    free(w.search);
    return s;
}
