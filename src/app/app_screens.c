/* Loading the screen files at start: the compiled-in ones, overridden from
 * --screens DIR; each is checked against the schema, and what each role may
 * write is handed to the db layer, which enforces it too. */
#include <stdio.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/db_records.h"

static bool names_everyone(char **roles, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(roles[i], "all") == 0)
            return true;
    return false;
}

static bool is_builtin(const screen *s)
{
    return strncmp(s->file, "builtin/", 8) == 0;
}

static tp_status load(struct app *a, const char *dir, bool check_builtin,
                      char *err, size_t errsize)
{
    tp_status st = screen_load(dir, &a->screens, err, errsize);
    if (st != TP_OK)
        return st;
    for (size_t i = 0; i < a->screens.n; i++) {
        const screen *s = &a->screens.screens[i];
        if (check_builtin || !is_builtin(s)) {
            st = screen_check(s, a->db, err, errsize);
            if (st != TP_OK)
                return st;
        }
        if (s->kind != SCREEN_RECORDS || !s->source ||
            names_everyone(s->roles_edit, s->n_roles_edit))
            continue;
        for (size_t r = 0; r < s->n_roles_edit; r++) {
            st = db_permit(a->db, s->source, s->roles_edit[r]);
            if (st != TP_OK) {
                snprintf(err, errsize, "%s: %s", s->file, tp_status_message(st));
                return st;
            }
        }
        /* A form's multi-references write their junction table too. */
        for (size_t f = 0; f < s->n_fields; f++)
            if (s->fields[f].type == SF_MULTIREF && s->fields[f].via)
                for (size_t r = 0; r < s->n_roles_edit; r++)
                    db_permit(a->db, s->fields[f].via, s->roles_edit[r]);
    }
    return TP_OK;
}

tp_status app_load_screens(struct app *a, const char *dir, char *err,
                           size_t errsize)
{
    return load(a, dir, true, err, errsize);
}

tp_status app_load_screens_first(struct app *a, const char *dir, char *err,
                                 size_t errsize)
{
    tp_status st = load(a, dir, false, err, errsize);
    a->builtin_unchecked = st == TP_OK;
    return st;
}

tp_status app_check_builtin_screens(struct app *a, char *err, size_t errsize)
{
    if (!a->builtin_unchecked)
        return TP_OK;
    a->builtin_unchecked = false;
    for (size_t i = 0; i < a->screens.n; i++) {
        const screen *s = &a->screens.screens[i];
        if (!is_builtin(s))
            continue;
        tp_status st = screen_check(s, a->db, err, errsize);
        if (st != TP_OK)
            return st;
    }
    return TP_OK;
}
