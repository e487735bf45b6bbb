/* Quick notes (records, audited through db_insert) and form drafts (scratch
 * rows replaced while typing). */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_notes.h"

tp_status db_draft_save(tp_db *db, const char *form, const char *user,
                        const char *field, const char *value)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "draft.save",
                          "INSERT INTO draft (form, login, field, value) "
                          "VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT (form, login, field) DO UPDATE SET "
                          "value = excluded.value, saved_at = excluded.saved_at",
                          &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

tp_status db_draft_load(tp_db *db, const char *form, const char *user,
                        const char *field, char **value)
{
    *value = NULL;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "draft.load",
                          "SELECT value FROM draft WHERE form = ?1 AND "
                          "login = ?2 AND field = ?3",
                          &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        *value = strdup(v ? v : "");
        s = *value ? TP_OK : TP_ERR_NOMEM;
    } else {
        s = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

tp_status db_draft_clear(tp_db *db, const char *form, const char *user)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "draft.clear",
                          "DELETE FROM draft WHERE form = ?1 AND login = ?2",
                          &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

tp_status db_note_add(tp_db *db, const char *title, const char *body,
                      char id[37])
{
    db_value v[] = {DB_V_TEXT("title", title), DB_V_TEXT("body", body)};
    return db_insert(db, "note", v, 2, id);
}

tp_status db_note_count(tp_db *db, const char *title, int *count)
{
    long long n = 0;
    tp_status s = db_query_int(db, "note.count_title",
                               "SELECT count(*) FROM note WHERE title = ?1 "
                               "AND deleted_at IS NULL",
                               title, &n);
    *count = (int)n;
    return s;
}
