/* A screen's texts in the language chosen now, and who may see and change
 * it. English falls back to Thai where a file gives no English, so that a
 * screen written by a trainer in Thai only still shows something. */
#include <string.h>

#include "tapian/i18n.h"
#include "tapian/screen.h"

static const char *pick(const char *th, const char *en)
{
    return i18n_is_english() && en && *en ? en : th;
}

const char *screen_title(const screen *s)
{
    return pick(s->title, s->title_en);
}

const char *screen_help(const screen *s)
{
    const char *h = pick(s->help, s->help_en);
    return h ? h : "";
}

const char *screen_field_label(const screen_field *f)
{
    return pick(f->label, f->label_en);
}

const char *screen_column_label(const screen_column *c)
{
    return pick(c->label, c->label_en);
}

const char *screen_choice_label(const screen_choice *c)
{
    return pick(c->label, c->label_en);
}

/* "all" lets everyone in; "admin" may do everything, as in the db layer's
 * permissions, so a screen file cannot lock the administrator out. */
static bool allowed(char *const *list, size_t n, const char *const *roles,
                    size_t n_roles)
{
    for (size_t r = 0; r < n_roles; r++)
        if (strcmp(roles[r], "admin") == 0)
            return true;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(list[i], "all") == 0)
            return true;
        for (size_t r = 0; r < n_roles; r++)
            if (strcmp(list[i], roles[r]) == 0)
                return true;
    }
    return false;
}

bool screen_may_view(const screen *s, const char *const *roles, size_t n)
{
    return allowed(s->roles_view, s->n_roles_view, roles, n);
}

bool screen_may_edit(const screen *s, const char *const *roles, size_t n)
{
    return allowed(s->roles_edit, s->n_roles_edit, roles, n);
}
