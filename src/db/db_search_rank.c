/* tapian_rank(search_fts, w1, w2, ...): FTS5's bm25 without its inverse
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
#include <sqlite3.h>

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

tp_status db_search_rank_register(tp_db *db)
{
    fts5_api *api = fts5_of(db->conn);
    if (!api || api->iVersion < 2)
        return db_fail(db, SQLITE_ERROR, "FTS5 is not available");
    int rc = api->xCreateFunction(api, "tapian_rank", NULL, rank_fn, NULL);
    return rc == SQLITE_OK ? TP_OK : db_fail(db, rc, NULL);
}
