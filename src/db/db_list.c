/* Generic lists for the list views: one built SELECT per query shape, with
 * every table and column name checked against the schema and quoted, and
 * every value bound.
 *
 * Speed at 100,000 rows: text columns sort in Thai by their stored key
 * <col>_sortkey when the table has one (migration 006; an index on (key, id)
 * over the live rows walks the list in order), else with COLLATE THAI,
 * which no index can carry (each page sorts the matching rows again). Pages
 * are sought by (key, id) from the row next to them (keyset paging), so a
 * page deep in the list costs what the first one does, and a position is a
 * count of the index entries before a row. OFFSET remains for orders that
 * cannot be sought (COLLATE THAI, a row whose key is NULL). Substring search
 * is a scan (instr() has no index, which is what makes 1- and 2-character
 * Thai searches work at all): db_list_find looks at a bounded number of
 * rows per call and says where it stopped. docs/PERFORMANCE.md has the
 * figures. */
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
    sqlite3_str *match; /* the search condition, when kept apart (FIND) */
    bool with_places;   /* needs the WITH RECURSIVE sub(...) prefix */
    int place_param;
    db_value b[LIST_MAX_BINDS];
    int nb;
    char *search;       /* NFC copy of the search text (malloc'd) */
    sqlite3_value *key; /* the anchor row's order value (keyset paging) */
    int key_param;      /* bound with sqlite3_bind_value, not from b[] */
};

/* The list's order: by key (a stored sort key, or the column itself), then
 * id. thai: the column sorts with COLLATE THAI, which cannot be sought. */
struct order {
    char key[96];       /* "" = by id alone */
    bool thai;
    bool desc;
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
    /* lower() folds ASCII only; Thai has no case. Without an ASCII letter
     * in the text sought, folding cannot change a match, and not copying
     * every long story to fold it halves the cost of a scan. */
    bool fold = false;
    for (const char *c = w->search; *c; c++)
        fold |= (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z');
    sqlite3_str *out = w->match ? w->match : w->from;
    sqlite3_str_appendall(out, w->match ? "(" : " AND (");
    for (size_t i = 0; i < n; i++) {
        if (!db_has_column(db, q->table, cols[i]))
            return bad(db, q->table, cols[i]);
        if (fold)
            sqlite3_str_appendf(out, "%sinstr(lower(t.\"%w\"), lower(?%d)) > 0",
                                i ? " OR " : "", cols[i], k);
        else
            sqlite3_str_appendf(out, "%sinstr(t.\"%w\", ?%d) > 0",
                                i ? " OR " : "", cols[i], k);
    }
    sqlite3_str_appendall(out, ")");
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

static tp_status resolve_order(tp_db *db, const db_list_query *q,
                               struct order *o)
{
    memset(o, 0, sizeof *o);
    o->desc = q->order_desc;
    if (!q->order_column)
        return TP_OK;
    if (!db_has_column(db, q->table, q->order_column))
        return bad(db, q->table, q->order_column);
    if (!db_sortkey_column(db, q->table, q->order_column, o->key)) {
        snprintf(o->key, sizeof o->key, "%s", q->order_column);
        o->thai = thai_order(db, q->table, q->order_column);
    }
    return TP_OK;
}

/* ORDER BY in the list's order, or reversed (reading backwards); prefix is
 * "t." inside a query, "" over a subquery's columns. */
static void append_order(sqlite3_str *sql, const struct order *o,
                         bool reverse, const char *prefix, const char *key)
{
    const char *dir = o->desc != reverse ? " DESC" : "";
    if (o->key[0])
        /* a stored key's byte order is COLLATE THAI's */
        sqlite3_str_appendf(sql, "ORDER BY %s\"%w\"%s%s, %sid%s", prefix, key,
                            o->thai ? " COLLATE THAI" : "", dir, prefix, dir);
    else
        sqlite3_str_appendf(sql, "ORDER BY %sid%s", prefix, dir);
}

/* The anchor row's key into w->key (a copy). TP_ERR_NOTFOUND when there is
 * no such row or its key is NULL: it cannot be sought from. */
static tp_status anchor_key(tp_db *db, const db_list_query *q,
                            const struct order *o, const char *id,
                            struct built *w)
{
    if (!o->key[0])
        return TP_OK;
    char *text = sqlite3_mprintf("SELECT t.\"%w\" FROM \"%w\" AS t "
                                 "WHERE t.id = ?1", o->key, q->table);
    if (!text)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, text, text, &st);
    sqlite3_free(text);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        w->key = sqlite3_value_dup(sqlite3_column_value(st, 0));
        s = w->key ? TP_OK : TP_ERR_NOMEM;
    } else {
        s = rc == SQLITE_ROW || rc == SQLITE_DONE ? TP_ERR_NOTFOUND
                                                  : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

/* Rows after the anchor in the list's order (after = false: before it);
 * in ascending terms (key, id) > or < the anchor's. */
static void append_seek(struct built *w, sqlite3_str *sql,
                        const struct order *o, const char *id, bool after)
{
    const char *op = after != o->desc ? ">" : "<";
    int ip = bind(w, DB_V_TEXT(NULL, id));
    if (o->key[0]) {
        w->key_param = bind(w, DB_V_NULL(NULL));
        sqlite3_str_appendf(sql, " AND (t.\"%w\", t.id) %s (?%d, ?%d)", o->key,
                            op, w->key_param, ip);
    } else {
        sqlite3_str_appendf(sql, " AND t.id %s ?%d", op, ip);
    }
}

enum shape {
    LIST,     /* head FROM ... ORDER BY, by LIMIT/OFFSET or sought */
    COUNT,    /* count(*) */
    POSITION, /* row_number() of a row, for orders that cannot be sought */
    BEFORE,   /* count(*) of the rows before the anchor */
    FIND,     /* id and whether it matches, for rows after the anchor */
};

struct spec {
    enum shape shape;
    const char *head;   /* LIST: SELECT and its columns */
    const char *id;     /* POSITION: the row; LIST, BEFORE, FIND: anchor */
    bool back;          /* LIST, FIND: towards the start of the list */
    bool seek;          /* LIST: by keyset (back and no anchor: the end) */
    long budget;        /* FIND: rows looked at; -1 = all */
    bool walk;          /* FIND: from the start, the anchor passed on the way */
};

static void built_free(struct built *w)
{
    free(w->search);
    w->search = NULL;
    sqlite3_value_free(w->key);
    w->key = NULL;
}

static int limit_param(struct built *w, const db_list_query *q)
{
    return bind(w, DB_V_INT(NULL, q->limit > 0 ? q->limit : -1));
}

static void append_list(sqlite3_str *sql, struct built *w,
                        const db_list_query *q, const struct order *o,
                        const struct spec *sp, const char *from)
{
    if (!sp->seek) {
        sqlite3_str_appendf(sql, "%s%s ", sp->head, from);
        append_order(sql, o, false, "t.", o->key);
        sqlite3_str_appendf(sql, " LIMIT ?%d OFFSET ?%d", limit_param(w, q),
                            bind(w, DB_V_INT(NULL, q->offset > 0 ? q->offset : 0)));
    } else if (!sp->back) {
        sqlite3_str_appendf(sql, "%s%s", sp->head, from);
        if (sp->id)
            append_seek(w, sql, o, sp->id, true);
        sqlite3_str_appendall(sql, " ");
        append_order(sql, o, false, "t.", o->key);
        sqlite3_str_appendf(sql, " LIMIT ?%d", limit_param(w, q));
    } else {
        /* the rows before the anchor (or the last ones) read backwards,
         * then put back in list order; the key comes along as _k */
        sqlite3_str_appendf(sql, "SELECT * FROM (%s", sp->head);
        if (o->key[0])
            sqlite3_str_appendf(sql, ", t.\"%w\" AS _k", o->key);
        sqlite3_str_appendall(sql, from);
        if (sp->id)
            append_seek(w, sql, o, sp->id, false);
        sqlite3_str_appendall(sql, " ");
        append_order(sql, o, true, "t.", o->key);
        sqlite3_str_appendf(sql, " LIMIT ?%d) ", limit_param(w, q));
        append_order(sql, o, false, "", "_k");
    }
}

static void append_statement(sqlite3_str *sql, struct built *w,
                             const db_list_query *q, const struct order *o,
                             const struct spec *sp, const char *from,
                             const char *match)
{
    append_with(sql, w);
    switch (sp->shape) {
    case POSITION:
        sqlite3_str_appendall(sql, "SELECT pos FROM (SELECT t.id AS rid, "
                                   "row_number() OVER (");
        append_order(sql, o, false, "t.", o->key);
        sqlite3_str_appendf(sql, ") - 1 AS pos%s) WHERE rid = ?%d", from,
                            bind(w, DB_V_TEXT(NULL, sp->id)));
        break;
    case COUNT:
        sqlite3_str_appendf(sql, "SELECT count(*)%s", from);
        break;
    case BEFORE:
        sqlite3_str_appendf(sql, "SELECT count(*)%s", from);
        append_seek(w, sql, o, sp->id, false);
        break;
    case FIND:
        /* LIMIT bounds the rows looked at; the caller stops stepping at the
         * first match */
        sqlite3_str_appendf(sql, "SELECT t.id, %s%s", match ? match : "1",
                            from);
        if (sp->id && !sp->walk)
            append_seek(w, sql, o, sp->id, !sp->back);
        sqlite3_str_appendall(sql, " ");
        append_order(sql, o, sp->back, "t.", o->key);
        sqlite3_str_appendf(sql, " LIMIT ?%d",
                            bind(w, DB_V_INT(NULL, sp->budget)));
        break;
    case LIST:
        append_list(sql, w, q, o, sp, from);
        break;
    }
}

/* The whole statement: [WITH] head FROM ... WHERE ... tail. With a search
 * and FIND, the search is a result column instead of a condition. */
static tp_status build(tp_db *db, const db_list_query *q, struct built *w,
                       const struct spec *sp, char **sql_out)
{
    *sql_out = NULL;
    memset(w, 0, sizeof *w);
    struct order o;
    tp_status s = resolve_order(db, q, &o);
    if (s != TP_OK)
        return s;
    w->from = sqlite3_str_new(db->conn);
    if (sp->shape == FIND)
        w->match = sqlite3_str_new(db->conn);
    s = build_where(db, q, w);
    char *from = sqlite3_str_finish(w->from);
    char *match = w->match ? sqlite3_str_finish(w->match) : NULL;
    w->from = w->match = NULL;
    if (match && !*match) {
        sqlite3_free(match);
        match = NULL;
    }
    if (s == TP_OK && !from)
        s = TP_ERR_NOMEM;
    bool sought = sp->shape == BEFORE ||
                  (sp->shape == LIST && sp->seek && sp->id) ||
                  (sp->shape == FIND && sp->id && !sp->walk);
    if (s == TP_OK && sought)
        s = anchor_key(db, q, &o, sp->id, w);
    sqlite3_str *sql = sqlite3_str_new(db->conn);
    if (s == TP_OK)
        append_statement(sql, w, q, &o, sp, from, match);
    sqlite3_free(from);
    sqlite3_free(match);
    char *text = sqlite3_str_finish(sql);
    if (s == TP_OK && (!text || w->nb >= LIST_MAX_BINDS))
        s = text ? TP_ERR_INVALID : TP_ERR_NOMEM;
    if (s != TP_OK) {
        sqlite3_free(text);
        built_free(w);
        return s;
    }
    *sql_out = text;
    return TP_OK;
}

static void bind_all(sqlite3_stmt *st, const struct built *w)
{
    for (int i = 0; i < w->nb; i++) {
        if (i + 1 == w->key_param && w->key)
            sqlite3_bind_value(st, i + 1, w->key);
        else
            db_bind_value(st, i + 1, &w->b[i]);
    }
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

/* Builds and runs a LIST statement; TP_ERR_NOTFOUND when it was to be
 * sought from a row that cannot be (the caller falls back to OFFSET). */
static tp_status run_list(tp_db *db, const db_list_query *q,
                          const struct spec *sp, db_record_fn fn, void *ctx)
{
    sqlite3_str *sel = sqlite3_str_new(db->conn);
    tp_status s = db_table_exists(db, q->table) ? select_list(db, q, sel)
                                                : TP_ERR_INVALID;
    char *select = sqlite3_str_finish(sel);
    if (s == TP_OK && !select)
        s = TP_ERR_NOMEM;
    struct built w;
    char *sql = NULL;
    struct spec with_head = *sp;
    with_head.head = select;
    if (s == TP_OK)
        s = build(db, q, &w, &with_head, &sql);
    sqlite3_free(select);
    if (s != TP_OK)
        return s;
    /* Not from the statement cache: fn may run other queries, even this
     * same list, while this statement is still stepping. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        built_free(&w);
        return db_fail(db, rc, NULL);
    }
    bind_all(st, &w);
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
    built_free(&w);
    return s;
}

tp_status db_list(tp_db *db, const db_list_query *q, db_record_fn fn, void *ctx)
{
    if (!q || !fn)
        return TP_ERR_INVALID;
    struct order o;
    memset(&o, 0, sizeof o);
    tp_status s = db_table_exists(db, q->table) ? resolve_order(db, q, &o)
                                                : TP_ERR_INVALID;
    struct spec sp = {.shape = LIST, .id = q->seek_id, .back = q->seek_back,
                      .seek = (q->seek_id || q->seek_back) && !o.thai};
    if (s == TP_OK)
        s = run_list(db, q, &sp, fn, ctx);
    if (s == TP_ERR_NOTFOUND && sp.seek) {
        /* the anchor has no key (or is gone): by position instead */
        sp.seek = false;
        sp.id = NULL;
        s = run_list(db, q, &sp, fn, ctx);
    }
    if (s == TP_ERR_INVALID && !db->err[0])
        db_set_error(db, "list: bad query");
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
    bind_all(st, w);
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

static tp_status one_number(tp_db *db, const db_list_query *q,
                            const struct spec *sp, long *out)
{
    struct built w;
    char *sql;
    tp_status s = build(db, q, &w, sp, &sql);
    if (s != TP_OK)
        return s;
    s = db_list_memo_get(db, sql, w.b, w.nb, w.key, out);
    if (s == TP_ERR_NOTFOUND) {
        s = run_int(db, sql, &w, out);
        if (s == TP_OK)
            db_list_memo_put(db, sql, w.b, w.nb, w.key, *out);
    }
    sqlite3_free(sql);
    built_free(&w);
    return s;
}

tp_status db_list_count(tp_db *db, const db_list_query *q, long *count)
{
    struct spec sp = {.shape = COUNT};
    return one_number(db, q, &sp, count);
}

static int is_row(void *ctx, const db_row *row)
{
    (void)row;
    *(bool *)ctx = true;
    return 1;
}

/* q with one more filter (column = value); f has room for LIST_MAX_BINDS. */
static tp_status plus_filter(const db_list_query *q, db_value extra,
                             db_value *f, db_list_query *out)
{
    if (q->n_filters + 1 > LIST_MAX_BINDS)
        return TP_ERR_INVALID;
    for (size_t i = 0; i < q->n_filters; i++)
        f[i] = q->filters[i];
    f[q->n_filters] = extra;
    *out = *q;
    out->filters = f;
    out->n_filters = q->n_filters + 1;
    return TP_OK;
}

/* Whether row id is in the list (its filters and search). */
static tp_status in_list(tp_db *db, const db_list_query *q, const char *id,
                         bool *yes)
{
    db_value f[LIST_MAX_BINDS];
    db_list_query one;
    *yes = false;
    tp_status s = plus_filter(q, DB_V_TEXT("id", id), f, &one);
    if (s != TP_OK)
        return s;
    one.offset = 0;
    one.limit = 1;
    one.seek_id = NULL;
    one.seek_back = false;
    if (!q->n_search) { /* the search reads the list's columns */
        one.search_columns = q->columns;
        one.n_search = q->n_columns;
    }
    one.n_columns = 0;
    return db_list(db, &one, is_row, yes);
}

tp_status db_list_position(tp_db *db, const db_list_query *q, const char *id,
                           long *pos)
{
    if (!q || !id)
        return TP_ERR_INVALID;
    bool yes = false;
    tp_status s = in_list(db, q, id, &yes);
    if (s == TP_OK && !yes)
        s = TP_ERR_NOTFOUND;
    struct order o;
    if (s == TP_OK)
        s = resolve_order(db, q, &o);
    if (s == TP_OK && !o.thai) {
        /* the index entries before the row */
        struct spec sp = {.shape = BEFORE, .id = id};
        s = one_number(db, q, &sp, pos);
        if (s == TP_OK && o.key[0] && !o.desc) {
            /* NULL keys sort first and compare with nothing */
            db_list_query nulls;
            db_value f[LIST_MAX_BINDS];
            long n = 0;
            s = plus_filter(q, DB_V_NULL(o.key), f, &nulls);
            if (s == TP_OK)
                s = db_list_count(db, &nulls, &n);
            *pos += n;
        }
        if (s != TP_ERR_NOTFOUND)
            return s;
        s = TP_OK; /* the row's key is NULL: by row_number() */
    }
    if (s == TP_OK) {
        struct spec sp = {.shape = POSITION, .id = id};
        s = one_number(db, q, &sp, pos);
    }
    if (s == TP_ERR_NOTFOUND)
        db_set_error(db, "list: row %s is not in this list", id);
    return s;
}

tp_status db_list_find(tp_db *db, const db_list_query *q, const char *from_id,
                       bool backward, long budget, char found[DB_UUID_LEN],
                       char reached[DB_UUID_LEN], long *steps)
{
    found[0] = reached[0] = '\0';
    *steps = 0;
    if (!q || budget == 0)
        return TP_ERR_INVALID;
    struct order o;
    tp_status s = db_table_exists(db, q->table) ? resolve_order(db, q, &o)
                                                : TP_ERR_INVALID;
    if (s != TP_OK)
        return s;
    /* Thai order without a key cannot be sought: the whole list is read
     * (only small tables lack a key) and the anchor found on the way. */
    struct spec sp = {.shape = FIND, .id = from_id, .back = backward,
                      .budget = o.thai ? -1 : budget, .walk = o.thai};
    struct built w;
    char *sql;
    s = build(db, q, &w, &sp, &sql);
    if (s == TP_ERR_NOTFOUND && from_id) {
        /* the anchor's key is NULL: walked the same way */
        sp.budget = -1;
        sp.walk = true;
        s = build(db, q, &w, &sp, &sql);
    }
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        built_free(&w);
        return db_fail(db, rc, NULL);
    }
    bind_all(st, &w);
    bool passed = !(sp.walk && from_id); /* the anchor is behind us */
    long seen = 0;
    s = TP_ERR_NOTFOUND;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        if (!id || strlen(id) >= DB_UUID_LEN)
            continue;
        if (!passed) {
            passed = strcmp(id, from_id) == 0;
            continue;
        }
        seen++;
        *steps = seen;
        snprintf(reached, DB_UUID_LEN, "%s", id);
        if (sqlite3_column_int(st, 1)) {
            snprintf(found, DB_UUID_LEN, "%s", id);
            s = TP_OK;
            break;
        }
        if (sp.walk && budget > 0 && seen >= budget)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        s = db_fail(db, rc, NULL);
    else if (s == TP_ERR_NOTFOUND && rc == SQLITE_DONE &&
             (sp.walk || sp.budget < 0 || seen < sp.budget))
        reached[0] = '\0'; /* the end of the list: nothing further */
    sqlite3_finalize(st);
    built_free(&w);
    return s;
}
