/* Full-text search (migration 005_search.sql).
 *
 * Queries of 3 or more code points go to the FTS5 trigram index: bm25's
 * order (tapian_rank, db_search_rank.c: the query is one phrase, so bm25's
 * IDF, which walks every match in the index, changes nothing) over the
 * RANK_WINDOW most recent matches, so a common word does not rank all
 * 100,000 of its matches. Trigrams cannot answer shorter queries, so they
 * take two steps, newest first:
 *   1. scan the SCAN_BUDGET newest rows with instr() (a docid range, newest
 *      first, stopping at the limit): a common query has its hits there,
 *      and that is the whole answer;
 *   2. otherwise the query is rare: every occurrence starts a trigram (the
 *      indexed texts end in two newlines), so the trigrams that begin with
 *      it, read from the index's vocabulary, OR'd together find every row.
 *      Their postings are few because the query is rare.
 * docs/PERFORMANCE.md has the figures. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_search.h"
#include "tapian/text.h"

#define RANK_WINDOW 300
#define SCAN_BUDGET 1000
#define MAX_LIMIT 1000

#define HIT_COLUMNS "d.kind, d.ref_id, rtrim(d.title, char(10)), d.day, " \
                    "rtrim(d.body, char(10))"

static tp_status emit(tp_db *db, sqlite3_stmt *st, db_search_fn fn, void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_search_hit h = {
            .kind = (const char *)sqlite3_column_text(st, 0),
            .id = (const char *)sqlite3_column_text(st, 1),
            .title = (const char *)sqlite3_column_text(st, 2),
            .day = (const char *)sqlite3_column_text(st, 3),
            .body = (const char *)sqlite3_column_text(st, 4),
        };
        if (!fn(ctx, &h))
            return TP_OK;
    }
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* "q" as an FTS5 phrase: inside double quotes, quotes doubled. */
static char *phrase(const char *q)
{
    size_t n = strlen(q), quotes = 0;
    for (size_t i = 0; i < n; i++)
        quotes += q[i] == '"';
    char *out = malloc(n + quotes + 3), *p = out;
    if (!out)
        return NULL;
    *p++ = '"';
    for (size_t i = 0; i < n; i++) {
        *p++ = q[i];
        if (q[i] == '"')
            *p++ = '"';
    }
    *p++ = '"';
    *p = '\0';
    return out;
}

static tp_status search_fts(tp_db *db, const char *q, int limit,
                            db_search_fn fn, void *ctx)
{
    char *m = phrase(q);
    if (!m)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    /* one pass over the phrase's newest matches, ranked as they come;
     * only the top rows are then read from search_doc */
    tp_status s = db_stmt(db, "search.fts",
        "SELECT " HIT_COLUMNS " FROM (SELECT rowid AS r,"
        "  tapian_rank(search_fts, 5.0, 1.0) AS score FROM search_fts"
        "  WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3) m"
        " CROSS JOIN search_doc d ON d.docid = m.r"
        " ORDER BY m.score DESC, m.r DESC LIMIT ?2", &st);
    if (s == TP_OK) {
        sqlite3_bind_text(st, 1, m, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, limit);
        sqlite3_bind_int(st, 3, RANK_WINDOW);
        s = emit(db, st, fn, ctx);
        db_stmt_done(st);
    }
    free(m);
    return s;
}

/* Step 1 of a short query: the hits among the SCAN_BUDGET newest rows,
 * kept (one pass) until it is known whether they are the whole answer. */
struct kept {
    char *col[5];
};

static void kept_free(struct kept *k, int n)
{
    for (int i = 0; i < n; i++)
        for (int c = 0; c < 5; c++)
            free(k[i].col[c]);
    free(k);
}

static tp_status scan_newest(tp_db *db, const char *q, int limit,
                             struct kept **out, int *n)
{
    *n = 0;
    *out = calloc((size_t)limit, sizeof **out);
    if (!*out)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "search.scan",
        "SELECT " HIT_COLUMNS " FROM search_doc d"
        " WHERE d.docid > (SELECT max(docid) FROM search_doc) - ?2"
        " AND (tapian_contains(d.title, ?1) OR tapian_contains(d.body, ?1))"
        " ORDER BY d.docid DESC LIMIT ?3", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, SCAN_BUDGET);
    sqlite3_bind_int(st, 3, limit);
    int rc;
    while (s == TP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct kept *k = &(*out)[(*n)++];
        for (int c = 0; c < 5; c++) {
            const char *t = (const char *)sqlite3_column_text(st, c);
            if (t && !(k->col[c] = strdup(t)))
                s = TP_ERR_NOMEM;
        }
    }
    if (s == TP_OK && rc != SQLITE_DONE)
        s = db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

/* Step 2: the trigrams that begin with q, as one OR expression; *n gets
 * how many ("" when none). */
static tp_status prefix_terms(tp_db *db, const char *q, char **out, int *n)
{
    *out = NULL;
    *n = 0;
    tp_status s = db_exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS "
                          "temp.search_vocab USING fts5vocab(main, search_fts, row)");
    sqlite3_stmt *st;
    if (s == TP_OK)
        s = db_stmt(db, "search.vocab",
            "SELECT group_concat('\"' || replace(term, '\"', '\"\"') || '\"',"
            " ' OR '), count(*) FROM temp.search_vocab"
            " WHERE term >= ?1 AND term < ?1 || char(1114111)", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        *n = sqlite3_column_int(st, 1);
        *out = strdup(t ? t : "");
        if (!*out)
            s = TP_ERR_NOMEM;
    } else {
        s = db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

static tp_status search_short(tp_db *db, const char *q, int limit,
                              db_search_fn fn, void *ctx)
{
    struct kept *k = NULL;
    int hits = 0;
    tp_status s = scan_newest(db, q, limit, &k, &hits);
    if (s == TP_OK && hits >= limit) {
        for (int i = 0; i < hits; i++) {
            db_search_hit h = {k[i].col[0], k[i].col[1], k[i].col[2],
                               k[i].col[3], k[i].col[4]};
            if (!fn(ctx, &h))
                break;
        }
    }
    kept_free(k, hits);
    if (s != TP_OK || hits >= limit)
        return s;
    char *terms = NULL;
    int n = 0;
    s = prefix_terms(db, q, &terms, &n);
    if (s != TP_OK || n == 0) {
        free(terms);
        return s;
    }
    /* the expression differs per query, so it is a parameter of one
     * cached statement */
    sqlite3_stmt *st;
    s = db_stmt(db, "search.terms",
        "SELECT " HIT_COLUMNS " FROM search_fts f CROSS JOIN search_doc d"
        " ON d.docid = f.rowid WHERE search_fts MATCH ?1"
        " ORDER BY f.rowid DESC LIMIT ?2", &st);
    if (s == TP_OK) {
        sqlite3_bind_text(st, 1, terms, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, limit);
        s = emit(db, st, fn, ctx);
        db_stmt_done(st);
    }
    free(terms);
    return s;
}

/* NFC, surrounding spaces off, ASCII lower case (the trigram index folds
 * case, and lower() in SQL folds only ASCII). */
static tp_status query_form(const char *query, char **out)
{
    size_t n = strlen(query), len;
    while (n && (query[n - 1] == ' ' || query[n - 1] == '\t'))
        n--;
    while (n && (*query == ' ' || *query == '\t')) {
        query++;
        n--;
    }
    tp_status s = text_nfc(query, n, out, &len);
    if (s != TP_OK)
        return s;
    for (size_t i = 0; i < len; i++)
        if ((*out)[i] >= 'A' && (*out)[i] <= 'Z')
            (*out)[i] = (char)((*out)[i] - 'A' + 'a');
    return TP_OK;
}

tp_status db_search(tp_db *db, const char *query, int limit, db_search_fn fn,
                    void *ctx)
{
    if (limit <= 0)
        return TP_OK;
    if (limit > MAX_LIMIT)
        limit = MAX_LIMIT;
    char *q = NULL;
    tp_status s = query_form(query, &q);
    if (s != TP_OK)
        return s;
    size_t cps = text_codepoints(q, strlen(q));
    if (cps >= 3)
        s = search_fts(db, q, limit, fn, ctx);
    else if (cps > 0)
        s = search_short(db, q, limit, fn, ctx);
    free(q);
    return s;
}
