/* SQL functions of the search (db_search.c), on tapian's connections only.
 *
 * tapian_rank(search_fts, w1, w2, ...): FTS5's bm25 without its inverse
 * document frequency, for the search's single-phrase queries.
 *
 * bm25 computes, for each phrase, how many rows of the whole index match
 * it (the IDF), by walking every match of the phrase: for a common phrase
 * of many trigrams (ความเข้มแข็ง: ten trigrams, each in most rows) that
 * walk over all 100,000 rows was most of the query, although the query
 * ranks only the newest few hundred matches. With one phrase the IDF is the
 * same positive factor for every row, so leaving it out keeps bm25's order
 * (see db_search.c). Same k1 and b as FTS5's bm25; larger is better (bm25
 * returns the score negated). */
#define _GNU_SOURCE /* memmem */
#include <sqlite3.h>
#include <string.h>

#include "db_internal.h"

#define K1 1.2
#define B 0.75
#define MAX_PHRASES 64

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts,
                    sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    int nphrase = api->xPhraseCount(fts);
    if (nphrase > MAX_PHRASES)
        nphrase = MAX_PHRASES;
    double freq[MAX_PHRASES] = {0};
    sqlite3_int64 rows = 0, total = 0;
    int inst = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &total);
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &tokens);
    if (rc == SQLITE_OK)
        rc = api->xInstCount(fts, &inst);
    for (int i = 0; rc == SQLITE_OK && i < inst; i++) {
        int phrase, col, off;
        rc = api->xInst(fts, i, &phrase, &col, &off);
        if (rc == SQLITE_OK && phrase < nphrase)
            freq[phrase] += col < nval ? sqlite3_value_double(val[col]) : 1.0;
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double avg = rows > 0 ? (double)total / (double)rows : 1.0;
    double norm = K1 * (1.0 - B + B * (double)tokens / (avg > 0 ? avg : 1.0));
    double score = 0;
    for (int p = 0; p < nphrase; p++)
        score += freq[p] * (K1 + 1.0) / (freq[p] + norm);
    sqlite3_result_double(ctx, score);
}

/* tapian_contains(text, needle): whether text holds needle, ASCII letters
 * of text folded to lower case (needle is folded already). Both are NFC
 * UTF-8, so a byte match is a match of whole code points. Written by hand
 * because instr(lower(text), needle) copied and case-folded every text and
 * counted characters: two thirds of a short query's scan of 1,000 rows. */
static bool contains(const unsigned char *s, size_t n,
                     const unsigned char *q, size_t m)
{
    bool letters = false;
    for (size_t i = 0; i < m && !letters; i++)
        letters = q[i] >= 'a' && q[i] <= 'z';
    if (!letters)
        return memmem(s, n, q, m) != NULL;
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        for (; k < m; k++) {
            unsigned char c = s[i + k];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
            if (c != q[k])
                break;
        }
        if (k == m)
            return true;
    }
    return false;
}

static void contains_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *s = sqlite3_value_text(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    const unsigned char *q = sqlite3_value_text(argv[1]);
    int m = sqlite3_value_bytes(argv[1]);
    if (!s || !q) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_int(ctx, contains(s, (size_t)n, q, (size_t)m));
}

/* The fts5_api of the connection, the documented way (SELECT fts5(?1)). */
static fts5_api *fts5_of(sqlite3 *conn)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(conn, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

tp_status db_search_fns_register(tp_db *db)
{
    int rc = sqlite3_create_function_v2(
        db->conn, "tapian_contains", 2,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
        contains_fn, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    fts5_api *api = fts5_of(db->conn);
    if (!api || api->iVersion < 2)
        return db_fail(db, SQLITE_ERROR, "FTS5 is not available");
    rc = api->xCreateFunction(api, "tapian_rank", NULL, rank_fn, NULL);
    return rc == SQLITE_OK ? TP_OK : db_fail(db, rc, NULL);
}
