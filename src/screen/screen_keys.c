/* Sections and keys of a screen file: [screen], [list] and [field NAME].
 * Each key is in a table with the kind of value it takes, so that unknown
 * keys, keys given twice and continuation lines are handled in one place. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen_internal.h"

enum { K_KIND, K_TITLE, K_TITLE_EN, K_SOURCE, K_HELP, K_HELP_EN, K_ORDER,
       K_SEARCH, K_FILTERS, K_ROLES_VIEW, K_ROLES_EDIT, K_SCREEN_COUNT };

static const char *const screen_keys[K_SCREEN_COUNT] = {
    [K_KIND] = "kind",         [K_TITLE] = "title",
    [K_TITLE_EN] = "title_en", [K_SOURCE] = "source",
    [K_HELP] = "help",         [K_HELP_EN] = "help_en",
    [K_ORDER] = "order",       [K_SEARCH] = "search",
    [K_FILTERS] = "filters",   [K_ROLES_VIEW] = "roles_view",
    [K_ROLES_EDIT] = "roles_edit",
};

/* Help text may run on over indented lines; they are joined with a space
 * (break lines where a space may stand), and a line of just "." starts a
 * new paragraph, as in Debian control files. */
bool sp_set_text(sp *p, char **dst, const char *value, bool cont, bool para)
{
    if (cont && !para) {
        sp_fail(p, p->line, "this value takes a single line");
        return false;
    }
    if (!cont && !para && !*value) {
        sp_fail(p, p->line, "the value is empty");
        return false;
    }
    const char *add = cont && strcmp(value, ".") == 0 ? "" : value;
    const char *sep = !cont || !*dst || !**dst ? ""
                      : strcmp(value, ".") == 0 ? "\n" : " ";
    if (cont && *dst && **dst && (*dst)[strlen(*dst) - 1] == '\n')
        sep = ""; /* the line after "." starts the paragraph */
    size_t old = *dst ? strlen(*dst) : 0;
    char *s = malloc(old + strlen(sep) + strlen(add) + 1);
    if (!s) {
        sp_fail(p, p->line, "out of memory");
        return false;
    }
    s[0] = 0;
    if (*dst)
        strcat(s, *dst);
    strcat(strcat(s, sep), add);
    free(*dst);
    *dst = s;
    return true;
}

static bool check_items(sp *p, const char *key, char **items, size_t from,
                        size_t n, bool (*ok)(const char *), const char *what)
{
    for (size_t i = from; i < n; i++)
        if (!ok(items[i])) {
            sp_fail(p, p->line, "'%s': unknown %s '%s'", key, what, items[i]);
            return false;
        }
    return true;
}

static bool screen_key(sp *p, int k, const char *value, bool cont)
{
    screen *s = p->s;
    size_t from;
    switch (k) {
    case K_KIND:
        if (cont)
            break;
        if (strcmp(value, "records") == 0)
            s->kind = SCREEN_RECORDS;
        else if (strcmp(value, "view") == 0)
            s->kind = SCREEN_VIEW;
        else {
            sp_fail(p, p->line, "kind must be 'records' or 'view', not '%s'",
                    value);
            return false;
        }
        return true;
    case K_TITLE: return sp_set_text(p, &s->title, value, cont, false);
    case K_TITLE_EN: return sp_set_text(p, &s->title_en, value, cont, false);
    case K_HELP: return sp_set_text(p, &s->help, value, cont, true);
    case K_HELP_EN: return sp_set_text(p, &s->help_en, value, cont, true);
    case K_SOURCE:
        if (cont)
            break;
        if (!sp_is_ident(value)) {
            sp_fail(p, p->line, "source: '%s' is not a table name", value);
            return false;
        }
        return (s->source = sp_strdup(value)) != NULL;
    case K_ORDER: {
        if (cont)
            break;
        char col[128], dir[16] = "asc", extra[2];
        int n = sscanf(value, "%127s %15s %1s", col, dir, extra);
        if (n < 1 || n > 2 || !sp_is_ident(col) ||
            (strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0)) {
            sp_fail(p, p->line, "order: expected 'COLUMN' or 'COLUMN asc|desc'");
            return false;
        }
        s->order_desc = strcmp(dir, "desc") == 0;
        return (s->order = sp_strdup(col)) != NULL;
    }
    case K_SEARCH:
        return sp_add_list(p, "search", value, &s->search, &s->n_search);
    case K_FILTERS:
        from = s->n_filters;
        return sp_add_list(p, "filters", value, &s->filters, &s->n_filters) &&
               check_items(p, "filters", s->filters, from, s->n_filters,
                           sp_is_filter, "filter");
    case K_ROLES_VIEW:
        from = s->n_roles_view;
        return sp_add_list(p, "roles_view", value, &s->roles_view,
                           &s->n_roles_view) &&
               check_items(p, "roles_view", s->roles_view, from,
                           s->n_roles_view, sp_is_role, "role");
    case K_ROLES_EDIT:
        from = s->n_roles_edit;
        return sp_add_list(p, "roles_edit", value, &s->roles_edit,
                           &s->n_roles_edit) &&
               check_items(p, "roles_edit", s->roles_edit, from,
                           s->n_roles_edit, sp_is_role, "role");
    }
    sp_fail(p, p->line, "'%s' takes a single line", screen_keys[k]);
    return false;
}

/* [list]: COLUMN = WIDTH | Thai label | English label (labels optional when
 * a field of the same name gives them). */
static bool list_key(sp *p, const char *name, const char *value)
{
    screen *s = p->s;
    if (p->indented) {
        sp_fail(p, p->line, "a list column takes a single line");
        return false;
    }
    if (!sp_is_ident(name)) {
        sp_fail(p, p->line, "'%s' is not a column name", name);
        return false;
    }
    for (size_t i = 0; i < s->n_columns; i++)
        if (strcmp(s->columns[i].column, name) == 0) {
            sp_fail(p, p->line, "column '%s' is listed twice", name);
            return false;
        }
    char *parts[3] = {0};
    int n = sp_split_bar(value, parts, 3);
    if (n < 0) {
        sp_fail(p, p->line, n == -1 ? "expected 'WIDTH | label | label_en'"
                                    : "out of memory");
        return false;
    }
    long width = 0;
    bool ok = sp_parse_count(p, "width", parts[0], 1, 78, &width);
    screen_column *grown = ok ? realloc(s->columns, (s->n_columns + 1) *
                                                        sizeof *grown)
                              : NULL;
    if (ok && !grown) {
        sp_fail(p, p->line, "out of memory");
        ok = false;
    }
    if (ok) {
        s->columns = grown;
        screen_column *c = &s->columns[s->n_columns++];
        *c = (screen_column){.column = sp_strdup(name), .width = (int)width,
                             .line = p->line};
        /* The labels move into the column; empty ones count as not given. */
        if (n > 1 && *parts[1])
            c->label = parts[1], parts[1] = NULL;
        if (n > 2 && *parts[2])
            c->label_en = parts[2], parts[2] = NULL;
        ok = c->column != NULL;
    }
    for (int i = 0; i < n; i++)
        free(parts[i]);
    return ok;
}

bool sp_begin_section(sp *p, const char *name)
{
    snprintf(p->sec_name, sizeof p->sec_name, "%s", name);
    p->seen = 0;
    p->last_key = -1;
    screen *s = p->s;
    if (strcmp(name, "screen") == 0 || strcmp(name, "list") == 0) {
        bool scr = name[0] == 's';
        int *line = scr ? &p->screen_line : &p->list_line;
        if (*line) {
            sp_fail(p, p->line, "[%s] is given twice (first on line %d)", name,
                    *line);
            return false;
        }
        *line = p->line;
        if (scr)
            p->s->line = p->line;
        p->sec = scr ? SEC_SCREEN : SEC_LIST;
        return true;
    }
    if (strncmp(name, "field", 5) != 0 || (name[5] != ' ' && name[5] != '\t')) {
        sp_fail(p, p->line,
                "unknown section [%s] (expected [screen], [list] or [field NAME])",
                name);
        return false;
    }
    char fname[128];
    const char *q = name + 5 + strspn(name + 5, " \t");
    size_t len = strcspn(q, " \t");
    snprintf(fname, sizeof fname, "%.*s", (int)len, q);
    if (!len || len >= sizeof fname || !sp_is_ident(fname) ||
        q[len + strspn(q + len, " \t")] != 0) {
        sp_fail(p, p->line, "[%s]: expected [field NAME] with a column name",
                name);
        return false;
    }
    for (size_t i = 0; i < s->n_fields; i++)
        if (strcmp(s->fields[i].name, fname) == 0) {
            sp_fail(p, p->line, "field '%s' is defined twice (first on line %d)",
                    fname, s->fields[i].line);
            return false;
        }
    screen_field *grown = realloc(s->fields, (s->n_fields + 1) * sizeof *grown);
    if (!grown) {
        sp_fail(p, p->line, "out of memory");
        return false;
    }
    s->fields = grown;
    grown[s->n_fields] = (screen_field){.name = sp_strdup(fname),
                                        .type = SF_TEXT, .line = p->line};
    if (!grown[s->n_fields++].name) {
        sp_fail(p, p->line, "out of memory");
        return false;
    }
    p->sec = SEC_FIELD;
    return true;
}

bool sp_end_section(sp *p)
{
    screen *s = p->s;
    if (p->failed)
        return false;
    if (p->sec == SEC_FIELD)
        return sp_field_end(p, &s->fields[s->n_fields - 1]);
    if (p->sec == SEC_LIST) {
        int total = -1;
        for (size_t i = 0; i < s->n_columns; i++)
            total += s->columns[i].width + 1;
        if (total > 78) {
            sp_fail(p, p->list_line,
                    "the list is %d columns wide with its spaces; at most 78 fit",
                    total);
            return false;
        }
    }
    return true;
}

bool sp_key(sp *p, const char *name, const char *value)
{
    if (p->sec == SEC_LIST)
        return list_key(p, name, value);
    int k = -1;
    if (p->sec == SEC_SCREEN) {
        for (int i = 0; i < K_SCREEN_COUNT; i++)
            if (strcmp(name, screen_keys[i]) == 0)
                k = i;
    } else {
        k = sp_field_key_index(name);
    }
    if (k < 0) {
        sp_fail(p, p->line, "unknown key '%s' in [%s]", name, p->sec_name);
        return false;
    }
    bool cont = p->indented && k == p->last_key;
    if (!cont && (p->seen & (1u << k))) {
        sp_fail(p, p->line, "'%s' is given twice (first on line %d)", name,
                p->key_line[k]);
        return false;
    }
    if (!cont) {
        p->seen |= 1u << k;
        p->key_line[k] = p->line;
    }
    p->last_key = k;
    if (p->sec == SEC_SCREEN) {
        int *where[K_SCREEN_COUNT] = {
            [K_SOURCE] = &p->s->source_line, [K_ORDER] = &p->s->order_line,
            [K_SEARCH] = &p->s->search_line, [K_FILTERS] = &p->s->filters_line};
        if (where[k] && !cont)
            *where[k] = p->line;
        return screen_key(p, k, value, cont);
    }
    screen_field *f = &p->s->fields[p->s->n_fields - 1];
    return sp_field_key(p, f, k, name, value, cont);
}
