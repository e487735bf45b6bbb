/* Who may write what. The screen files register, per table, the roles that
 * may write it; the write functions ask db_write_allowed before they start.
 * A table nobody registered stays open: drafts, notes and the audit log are
 * written by the program itself, not through a screen. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"

static void free_roles(tp_db *db)
{
    for (size_t i = 0; i < db->n_roles; i++)
        free(db->roles[i]);
    free(db->roles);
    db->roles = NULL;
    db->n_roles = 0;
}

void db_perms_free(tp_db *db)
{
    free_roles(db);
    for (size_t i = 0; i < db->n_perms; i++) {
        free(db->perms[i].table);
        free(db->perms[i].role);
    }
    free(db->perms);
    db->perms = NULL;
    db->n_perms = 0;
}

void db_set_roles(tp_db *db, const char *const *roles, size_t n)
{
    free_roles(db);
    if (n == 0 || !roles)
        return;
    db->roles = calloc(n, sizeof *db->roles);
    if (!db->roles)
        return; /* no roles: writes to registered tables are refused */
    for (size_t i = 0; i < n; i++)
        if (roles[i] && (db->roles[db->n_roles] = strdup(roles[i])))
            db->n_roles++;
}

static bool in(const char *const *roles, size_t n, const char *role)
{
    for (size_t i = 0; i < n; i++)
        if (roles[i] && strcmp(roles[i], role) == 0)
            return true;
    return false;
}

tp_status db_permit(tp_db *db, const char *table, const char *role)
{
    if (!role || !*role || !db_table_exists(db, table)) {
        db_set_error(db, "permit: no table %s", table ? table : "(none)");
        return TP_ERR_INVALID;
    }
    for (size_t i = 0; i < db->n_perms; i++)
        if (strcmp(db->perms[i].table, table) == 0 &&
            strcmp(db->perms[i].role, role) == 0)
            return TP_OK;
    struct db_perm *p = realloc(db->perms, (db->n_perms + 1) * sizeof *p);
    if (!p)
        return TP_ERR_NOMEM;
    db->perms = p;
    char *t = strdup(table), *r = strdup(role);
    if (!t || !r) {
        free(t);
        free(r);
        return TP_ERR_NOMEM;
    }
    db->perms[db->n_perms++] = (struct db_perm){.table = t, .role = r};
    return TP_OK;
}

bool db_roles_may_write(const tp_db *db, const char *table,
                        const char *const *roles, size_t n)
{
    if (!table || in(roles, n, "admin"))
        return table != NULL;
    bool registered = false;
    for (size_t i = 0; i < db->n_perms; i++) {
        if (strcmp(db->perms[i].table, table) != 0)
            continue;
        registered = true;
        if (in(roles, n, db->perms[i].role))
            return true;
    }
    return !registered;
}

/* On a kiosk that syncs with a hub, reference data (places, agencies,
 * people, registers, users, role assignments) is changed at the hub only:
 * the hub refuses such changes from a kiosk (db_sync_guard.c), and one
 * refused change would hold back every later pack of that kiosk. */
static bool kiosk_reference(tp_db *db, const char *table)
{
    if (!db->sync_kiosk || !table)
        return false;
    const struct db_sync_table *t = db_sync_table_find(db, table);
    return t && t->reference;
}

bool db_may_write(tp_db *db, const char *table)
{
    return !kiosk_reference(db, table) &&
           db_roles_may_write(db, table, (const char *const *)db->roles,
                              db->n_roles);
}

tp_status db_write_allowed(tp_db *db, const char *table)
{
    if (db_may_write(db, table))
        return TP_OK;
    if (kiosk_reference(db, table)) {
        db_set_error(db, "%s: reference data is changed at the hub, not on "
                         "a kiosk", table);
        return TP_ERR_PERM;
    }
    db_set_error(db, "%s: none of the roles of %s may write it",
                 table ? table : "(none)", db->user);
    return TP_ERR_PERM;
}
