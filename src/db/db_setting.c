/* Reading one value of the setting table. */
#include <stdio.h>

#include "db_internal.h"
#include "tapian/db_setting.h"

tp_status db_setting_get(tp_db *db, const char *key, char *buf, size_t size)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "setting.get",
                          "SELECT value FROM setting WHERE key = ?1", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        snprintf(buf, size, "%s", v ? v : "");
    } else {
        s = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}
