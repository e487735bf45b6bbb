/* The set of screens: those compiled in, then a directory's files replacing
 * them by name or adding to them (like tig's builtin config and tigrc). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "screen_internal.h"
#include "tapian/embedded.h"

/* A screen file is a page of text; anything much larger is a mistake. */
#define SCREEN_FILE_MAX (1024 * 1024)

void screen_free(screen *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->file);
    free(s->title);
    free(s->title_en);
    free(s->help);
    free(s->help_en);
    free(s->source);
    for (size_t i = 0; i < s->n_columns; i++) {
        free(s->columns[i].column);
        free(s->columns[i].label);
        free(s->columns[i].label_en);
    }
    free(s->columns);
    free(s->order);
    char **lists[] = {s->search, s->filters, s->roles_view, s->roles_edit};
    size_t counts[] = {s->n_search, s->n_filters, s->n_roles_view,
                       s->n_roles_edit};
    for (size_t l = 0; l < 4; l++) {
        for (size_t i = 0; i < counts[l]; i++)
            free(lists[l][i]);
        free(lists[l]);
    }
    for (size_t i = 0; i < s->n_fields; i++)
        screen_field_free(&s->fields[i]);
    free(s->fields);
    memset(s, 0, sizeof *s);
}

void screen_set_free(screen_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        screen_free(&set->screens[i]);
    free(set->screens);
    set->screens = NULL;
    set->n = 0;
}

const screen *screen_find(const screen_set *set, const char *name)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->screens[i].name, name) == 0)
            return &set->screens[i];
    return NULL;
}

const screen *screen_for_table(const screen_set *set, const char *table)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->screens[i].kind == SCREEN_RECORDS &&
            set->screens[i].source && strcmp(set->screens[i].source, table) == 0)
            return &set->screens[i];
    return NULL;
}

/* Takes ownership of *s: it replaces the screen of the same name or is
 * added at the end. */
static tp_status put(screen_set *set, screen *s)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->screens[i].name, s->name) == 0) {
            screen_free(&set->screens[i]);
            set->screens[i] = *s;
            return TP_OK;
        }
    screen *grown = realloc(set->screens, (set->n + 1) * sizeof *grown);
    if (!grown) {
        screen_free(s);
        return TP_ERR_NOMEM;
    }
    set->screens = grown;
    grown[set->n++] = *s;
    return TP_OK;
}

static tp_status load_builtin(screen_set *set, char *err, size_t errsize)
{
    for (const struct embedded_file *e = embedded_screens; e->name; e++) {
        char file[256];
        snprintf(file, sizeof file, "builtin/%s", e->name);
        screen s;
        tp_status st = screen_parse(file, e->data, e->size, &s, err, errsize);
        if (st == TP_OK)
            st = put(set, &s);
        if (st != TP_OK)
            return st;
    }
    return TP_OK;
}

static char *read_file(const char *path, size_t *len, char *err,
                       size_t errsize)
{
    FILE *f = fopen(path, "rb");
    char *buf = malloc(SCREEN_FILE_MAX + 1);
    size_t n = f && buf ? fread(buf, 1, SCREEN_FILE_MAX + 1, f) : 0;
    bool bad = !f || !buf || ferror(f);
    if (f)
        fclose(f);
    if (bad || n > SCREEN_FILE_MAX) {
        snprintf(err, errsize, "%s:1: %s", path,
                 bad ? "cannot be read" : "the file is larger than 1 MB");
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of dir's *.ini files, sorted so that the first error reported
 * is the same on every machine. */
static tp_status list_dir(const char *dir, char ***names, size_t *n, char *err,
                          size_t errsize)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errsize, "%s: cannot open the screens directory", dir);
        return TP_ERR_IO;
    }
    tp_status st = TP_OK;
    struct dirent *e;
    while (st == TP_OK && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len <= 4 || strcmp(e->d_name + len - 4, ".ini") != 0 ||
            e->d_name[0] == '.')
            continue;
        char **grown = realloc(*names, (*n + 1) * sizeof *grown);
        char *copy = sp_strdup(e->d_name);
        if (grown)
            *names = grown;
        if (!grown || !copy) {
            free(copy);
            st = TP_ERR_NOMEM;
        } else {
            grown[(*n)++] = copy;
        }
    }
    closedir(d);
    if (*n)
        qsort(*names, *n, sizeof **names, by_name);
    return st;
}

static tp_status load_dir(const char *dir, screen_set *set, char *err,
                          size_t errsize)
{
    char **names = NULL;
    size_t n = 0;
    tp_status st = list_dir(dir, &names, &n, err, errsize);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat sb;
        if (st != TP_OK || stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
            continue;
        size_t len = 0;
        char *text = read_file(path, &len, err, errsize);
        screen s;
        st = text ? screen_parse(path, text, len, &s, err, errsize) : TP_ERR_IO;
        free(text);
        if (st == TP_OK)
            st = put(set, &s);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return st;
}

tp_status screen_load(const char *dir, screen_set *out, char *err,
                      size_t errsize)
{
    char dummy[1];
    if (!errsize)
        err = dummy, errsize = sizeof dummy;
    err[0] = 0;
    *out = (screen_set){0};
    tp_status st = load_builtin(out, err, errsize);
    if (st == TP_OK && dir)
        st = load_dir(dir, out, err, errsize);
    if (st != TP_OK) {
        if (!err[0])
            snprintf(err, errsize, "%s", tp_status_name(st));
        screen_set_free(out);
    }
    return st;
}
