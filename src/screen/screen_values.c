/* Small parsers for the values of screen-file keys. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "screen_internal.h"

char *sp_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Table and column names: they reach the db layer, which checks them
 * against the schema again; this keeps typos readable in messages. */
bool sp_is_ident(const char *s)
{
    if (!(islower((unsigned char)*s) || *s == '_'))
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
              *s == '_'))
            return false;
    return true;
}

bool sp_is_code(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("_-.", *s))
            return false;
    return true;
}

static char *trim_copy(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

bool sp_add_list(sp *p, const char *key, const char *value, char ***list,
                 size_t *n)
{
    const char *s = value;
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t len = comma ? (size_t)(comma - s) : strlen(s);
        char *item = trim_copy(s, len);
        if (!item) {
            sp_fail(p, p->line, "out of memory");
            return false;
        }
        if (!*item || !sp_is_ident(item)) {
            sp_fail(p, p->line, "'%s': '%s' is not a name (a-z, 0-9, _)", key,
                    item);
            free(item);
            return false;
        }
        char **grown = realloc(*list, (*n + 1) * sizeof *grown);
        if (!grown) {
            free(item);
            sp_fail(p, p->line, "out of memory");
            return false;
        }
        *list = grown;
        grown[(*n)++] = item;
        s = comma ? comma + 1 : s + len;
    }
    return true;
}

bool sp_parse_number(sp *p, const char *key, const char *value, double *out)
{
    char *end = NULL;
    errno = 0;
    double d = strtod(value, &end);
    if (!*value || end == value || *end || errno || !isfinite(d)) {
        sp_fail(p, p->line, "'%s': '%s' is not a number", key, value);
        return false;
    }
    *out = d;
    return true;
}

bool sp_parse_count(sp *p, const char *key, const char *value, long lo,
                    long hi, long *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (!isdigit((unsigned char)*value) || *end || errno) {
        sp_fail(p, p->line, "'%s': '%s' is not a whole number", key, value);
        return false;
    }
    if (v < lo || v > hi) {
        sp_fail(p, p->line, "'%s': %ld is not between %ld and %ld", key, v, lo,
                hi);
        return false;
    }
    *out = v;
    return true;
}

int sp_split_bar(const char *value, char **parts, int max)
{
    int n = 0;
    const char *s = value;
    for (;;) {
        const char *bar = strchr(s, '|');
        size_t len = bar ? (size_t)(bar - s) : strlen(s);
        if (n == max) {
            for (int i = 0; i < n; i++)
                free(parts[i]);
            return -1;
        }
        parts[n] = trim_copy(s, len);
        if (!parts[n]) {
            for (int i = 0; i < n; i++)
                free(parts[i]);
            return -2;
        }
        n++;
        if (!bar)
            return n;
        s = bar + 1;
    }
}

/* The codes of the schema's role table (migrations 001 and 003) plus the
 * two that are not roles of the programme: admin and all. A test compares
 * this list with the role table of a new database. */
static const char *const known_roles[] = {
    "khun_eua",    "khun_amnuay",        "khun_kit",
    "khun_banthuek", "khun_prasan",      "khun_namkrabuankan",
    "khun_amnuay_chumchon", "admin",     "all",
};

bool sp_is_role(const char *code)
{
    for (size_t i = 0; i < sizeof known_roles / sizeof *known_roles; i++)
        if (strcmp(code, known_roles[i]) == 0)
            return true;
    return false;
}

/* The filters the generic list knows how to offer. */
bool sp_is_filter(const char *name)
{
    static const char *const known[] = {"tambon", "village", "group", "date"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(name, known[i]) == 0)
            return true;
    return false;
}

bool sp_is_iso_date(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}
