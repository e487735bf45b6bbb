/* Undo of the last change made in this session (u in a list): an added row
 * is tombstoned, a deleted one restored, an edit written back. Each undo is
 * itself an audited change through the db layer. */
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"

#define UNDO_MAX_COLS 64

struct app_change {
    change_kind kind;
    char table[64];
    char id[37];
    long long version;
    size_t n;
    char *columns[UNDO_MAX_COLS];
    char *old[UNDO_MAX_COLS];
};

void app_undo_forget(struct app *a)
{
    struct app_change *c = a->last_change;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->columns[i]);
        free(c->old[i]);
    }
    free(c);
    a->last_change = NULL;
}

void app_undo_remember(struct app *a, change_kind kind, const char *table,
                       const char *id, long long version,
                       const char *const *columns, const char *const *old,
                       size_t n)
{
    app_undo_forget(a);
    struct app_change *c = calloc(1, sizeof *c);
    if (!c)
        return;
    c->kind = kind;
    strncpy(c->table, table, sizeof c->table - 1);
    strncpy(c->id, id, sizeof c->id - 1);
    c->version = version;
    for (size_t i = 0; i < n && i < UNDO_MAX_COLS; i++) {
        c->columns[i] = strdup(columns[i]);
        c->old[i] = old[i] ? strdup(old[i]) : NULL;
        c->n++;
    }
    a->last_change = c;
}

void app_undo(struct app *a)
{
    struct app_change *c = a->last_change;
    if (!c) {
        app_message(a, TA_ERROR, "%s", _("Nothing to undo"));
        return;
    }
    tp_status st;
    switch (c->kind) {
    case CHANGE_ADD:
        st = db_tombstone(a->db, c->table, c->id, c->version);
        break;
    case CHANGE_DELETE:
        st = db_restore(a->db, c->table, c->id, c->version);
        break;
    default: {
        /* Stored as text: SQLite's column affinity turns numbers back into
         * INTEGER or REAL, as they were. */
        db_value v[UNDO_MAX_COLS];
        for (size_t i = 0; i < c->n; i++)
            v[i] = c->old[i] ? DB_V_TEXT(c->columns[i], c->old[i])
                             : DB_V_NULL(c->columns[i]);
        st = db_update(a->db, c->table, c->id, c->version, v, c->n);
        break;
    }
    }
    if (st == TP_OK)
        app_message(a, TA_NOTICE, "%s", _("Undone"));
    else
        app_message(a, TA_ERROR, "%s: %s", _("Cannot undo"),
                    tp_status_message(st));
    app_undo_forget(a);
}
