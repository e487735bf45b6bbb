/* Reading a CSV file into records with the line each starts on. libcsv does
 * not count lines, so the file is fed to it one physical line at a time and
 * a record's start is its end line less the line breaks inside its quoted
 * fields (the only line breaks a record can hold). */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"

struct reader {
    csv_records *out;
    csv_field *cur;     /* fields of the record being read */
    size_t n, cap;
    long line;          /* the line being fed */
    long breaks;        /* line breaks inside the current record's fields */
    bool nomem;
};

static long count_breaks(const char *s, size_t n)
{
    long k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
            k++;
    return k;
}

static void on_field(void *data, size_t len, void *ctx)
{
    struct reader *r = ctx;
    if (r->nomem)
        return;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        csv_field *f = realloc(r->cur, cap * sizeof *f);
        if (!f) {
            r->nomem = true;
            return;
        }
        r->cur = f, r->cap = cap;
    }
    char *s = malloc(len + 1);
    if (!s) {
        r->nomem = true;
        return;
    }
    if (len)
        memcpy(s, data, len);
    s[len] = 0;
    r->cur[r->n++] = (csv_field){s, len};
    r->breaks += count_breaks(s, len);
}

static void on_record(int c, void *ctx)
{
    (void)c;
    struct reader *r = ctx;
    if (r->nomem)
        return;
    csv_records *o = r->out;
    csv_record *recs = realloc(o->recs, (o->n + 1) * sizeof *recs);
    if (!recs) {
        r->nomem = true;
        return;
    }
    o->recs = recs;
    csv_field *fields = r->n ? realloc(r->cur, r->n * sizeof *fields) : NULL;
    if (r->n && !fields)
        fields = r->cur;
    if (!r->n)
        free(r->cur);
    o->recs[o->n++] = (csv_record){fields, r->n, r->line - r->breaks};
    r->cur = NULL;
    r->n = r->cap = 0;
    r->breaks = 0;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, len = 0;
    char *b = malloc(cap);
    while (b) {
        len += fread(b + len, 1, cap - len, f);
        if (len < cap)
            break;
        char *nb = realloc(b, cap *= 2);
        if (!nb)
            free(b);
        b = nb;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b);
        return NULL;
    }
    *n = len;
    return b;
}

/* Length of the physical line starting at p (with its CRLF, LF or CR). */
static size_t line_len(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n')
            return i + 1;
        if (p[i] == '\r')
            return i + 1 < n && p[i + 1] == '\n' ? i + 2 : i + 1;
    }
    return n;
}

tp_status csv_read_file(const char *path, csv_records *out, long *bad_line)
{
    memset(out, 0, sizeof *out);
    *bad_line = 0;
    size_t n = 0;
    char *buf = slurp(path, &n);
    if (!buf)
        return TP_ERR_IO;
    const char *p = buf;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3, n -= 3;
    struct csv_parser cp;
    if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(buf);
        return TP_ERR_NOMEM;
    }
    struct reader r = {.out = out};
    tp_status st = TP_OK;
    while (n > 0 && st == TP_OK) {
        size_t k = line_len(p, n);
        r.line++;
        if (csv_parse(&cp, p, k, on_field, on_record, &r) != k)
            st = TP_ERR_INVALID;
        p += k, n -= k;
    }
    if (st == TP_OK && csv_fini(&cp, on_field, on_record, &r) != 0)
        st = TP_ERR_INVALID;
    if (st == TP_OK && r.nomem)
        st = TP_ERR_NOMEM;
    if (st == TP_ERR_INVALID)
        *bad_line = r.line - r.breaks;
    for (size_t i = 0; i < r.n; i++)
        free(r.cur[i].s);
    free(r.cur);
    csv_free(&cp);
    free(buf);
    if (st != TP_OK)
        csv_records_free(out);
    return st;
}

void csv_records_free(csv_records *r)
{
    for (size_t i = 0; i < r->n; i++) {
        for (size_t k = 0; k < r->recs[i].n; k++)
            free(r->recs[i].fields[k].s);
        free(r->recs[i].fields);
    }
    free(r->recs);
    r->recs = NULL;
    r->n = 0;
}
