/* List counts kept while the file is unchanged. Counting 100,000 rows of a
 * list walks its whole index (about 20 ms); the list view asks again after
 * every form it opens and every time it comes back to the top, mostly with
 * nothing changed. A count is kept with PRAGMA data_version (which changes
 * when another connection commits) and this connection's
 * sqlite3_total_changes64 (which changes with its own writes, triggers
 * included); a difference in either drops every count. A few slots are
 * enough: a list, its search and a position or two. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

#define MEMO_SLOTS 8

struct memo_slot {
    char *key;          /* statement, bindings and anchor key (NULL = empty) */
    long value;
};

struct db_list_memo {
    long long data_version;
    sqlite3_int64 changes;
    struct memo_slot slot[MEMO_SLOTS];
    int next;           /* slot to reuse when all are taken */
};

static void clear(struct db_list_memo *m)
{
    for (int i = 0; i < MEMO_SLOTS; i++) {
        free(m->slot[i].key);
        m->slot[i].key = NULL;
    }
}

void db_list_memo_free(tp_db *db)
{
    if (!db->list_memo)
        return;
    clear(db->list_memo);
    free(db->list_memo);
    db->list_memo = NULL;
}

static void append_value(sqlite3_str *k, int type, const void *bytes, int n)
{
    sqlite3_str_appendf(k, "\x1f%d:%d:", type, n);
    const unsigned char *p = bytes;
    for (int i = 0; i < n; i++)
        sqlite3_str_appendf(k, "%02x", p[i]);
}

/* The statement with every bound value, as one string (malloc'd). */
static char *memo_key(const char *sql, const db_value *b, int nb,
                      sqlite3_value *key)
{
    sqlite3_str *k = sqlite3_str_new(NULL);
    sqlite3_str_appendall(k, sql);
    for (int i = 0; i < nb; i++) {
        if (b[i].type == DB_TEXT && b[i].s)
            append_value(k, DB_TEXT, b[i].s, (int)strlen(b[i].s));
        else if (b[i].type == DB_INT)
            sqlite3_str_appendf(k, "\x1fi%lld", b[i].i);
        else if (b[i].type == DB_REAL)
            sqlite3_str_appendf(k, "\x1fr%.17g", b[i].r);
        else
            sqlite3_str_appendall(k, "\x1fn");
    }
    if (key) {
        int type = sqlite3_value_type(key);
        const void *bytes = type == SQLITE_BLOB ? sqlite3_value_blob(key)
                                                : sqlite3_value_text(key);
        append_value(k, type, bytes, sqlite3_value_bytes(key));
    }
    char *s = sqlite3_str_finish(k);
    char *out = s ? strdup(s) : NULL;
    sqlite3_free(s);
    return out;
}

/* Drops every count when the file changed; false when that cannot be read. */
static bool fresh(tp_db *db, struct db_list_memo *m)
{
    long long version = 0;
    if (db_query_int(db, "memo.data_version", "PRAGMA data_version", NULL,
                     &version) != TP_OK)
        return false;
    sqlite3_int64 changes = sqlite3_total_changes64(db->conn);
    if (version != m->data_version || changes != m->changes) {
        clear(m);
        m->data_version = version;
        m->changes = changes;
    }
    return true;
}

tp_status db_list_memo_get(tp_db *db, const char *sql, const db_value *b,
                           int nb, sqlite3_value *key, long *out)
{
    struct db_list_memo *m = db->list_memo;
    /* inside a transaction this connection's own uncommitted rows count */
    if (!m || db->tx_depth > 0 || !fresh(db, m))
        return TP_ERR_NOTFOUND;
    char *k = memo_key(sql, b, nb, key);
    if (!k)
        return TP_ERR_NOTFOUND;
    tp_status s = TP_ERR_NOTFOUND;
    for (int i = 0; i < MEMO_SLOTS; i++) {
        if (m->slot[i].key && strcmp(m->slot[i].key, k) == 0) {
            *out = m->slot[i].value;
            s = TP_OK;
            break;
        }
    }
    free(k);
    return s;
}

void db_list_memo_put(tp_db *db, const char *sql, const db_value *b, int nb,
                      sqlite3_value *key, long value)
{
    if (db->tx_depth > 0)
        return;
    if (!db->list_memo && !(db->list_memo = calloc(1, sizeof *db->list_memo)))
        return;
    struct db_list_memo *m = db->list_memo;
    if (!fresh(db, m))
        return;
    char *k = memo_key(sql, b, nb, key);
    if (!k)
        return;
    struct memo_slot *slot = &m->slot[m->next];
    m->next = (m->next + 1) % MEMO_SLOTS;
    free(slot->key);
    slot->key = k;
    slot->value = value;
}
