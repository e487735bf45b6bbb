/* Rules about the whole file, once every section has been read. */
#include <stdlib.h>
#include <string.h>

#include "screen_internal.h"

static const screen_field *field_named(const screen *s, const char *name)
{
    for (size_t i = 0; i < s->n_fields; i++)
        if (strcmp(s->fields[i].name, name) == 0)
            return &s->fields[i];
    return NULL;
}

/* A list column with no label of its own takes its field's labels, so that
 * the same words are not written twice in a file. */
static bool column_labels(sp *p)
{
    screen *s = p->s;
    for (size_t i = 0; i < s->n_columns; i++) {
        screen_column *c = &s->columns[i];
        if (c->label)
            continue;
        const screen_field *f = field_named(s, c->column);
        if (!f) {
            sp_fail(p, c->line,
                    "column '%s' needs a label (it is not a field)", c->column);
            return false;
        }
        c->label = sp_strdup(f->label);
        if (!c->label_en && f->label_en)
            c->label_en = sp_strdup(f->label_en);
        if (!c->label || (f->label_en && !c->label_en)) {
            sp_fail(p, c->line, "out of memory");
            return false;
        }
    }
    return true;
}

bool sp_finish(sp *p)
{
    screen *s = p->s;
    if (!p->screen_line) {
        sp_fail(p, 1, "no [screen] section");
        return false;
    }
    if (!s->title) {
        sp_fail(p, p->screen_line, "[screen] needs a title");
        return false;
    }
    if (s->kind == SCREEN_VIEW) {
        /* A C view draws itself: columns and fields here would be ignored,
         * and an officer editing them would wonder why nothing changes. */
        if (p->list_line || s->n_fields) {
            sp_fail(p, p->list_line ? p->list_line : s->fields[0].line,
                    "a view screen has no [list] or [field] sections");
            return false;
        }
    } else {
        const char *missing = !s->source      ? "a source (its table)"
                              : !s->n_columns ? "a [list] with columns"
                              : !s->n_fields  ? "at least one [field]"
                                              : NULL;
        if (missing) {
            sp_fail(p, p->screen_line, "a records screen needs %s", missing);
            return false;
        }
    }
    if (!column_labels(p))
        return false;
    /* Everyone may look unless the file says otherwise; only the roles
     * named (and admin) may change anything. */
    if (!s->n_roles_view) {
        s->roles_view = malloc(sizeof *s->roles_view);
        if (!s->roles_view || !(s->roles_view[0] = sp_strdup("all"))) {
            sp_fail(p, p->screen_line, "out of memory");
            return false;
        }
        s->n_roles_view = 1;
    }
    return true;
}
