/* The book in memory and the walk in reading order; book_export and
 * book_export_file (include/tapian/export.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#include "book_internal.h"
#include "export_internal.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

/* The string fields of an entry, copied into one block per record. */
#define BOOK_STRINGS(X)                                                        \
    X(id) X(title) X(tambon_id) X(tambon) X(group) X(date) X(meeting)          \
    X(person) X(story) X(tags) X(origin) X(lesson) X(lesson_kind)              \
    X(expected) X(happened) X(why) X(next_time) X(source_note) X(written_on)

static const char *put(char **p, const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s) + 1;
    char *at = memcpy(*p, s, len);
    *p += len;
    return at;
}

struct load_ctx {
    struct book *b;
    tp_status status;
};

/* What the book prints is made safe once, here: escape sequences and other
 * controls planted in the data (by the stock shell, say) become visible
 * symbols instead of reaching a terminal that shows the text or Markdown
 * book, and an HTML file never carries them. */
static bool add_safe_entry(void *ctx, const db_book_entry *raw);

static bool add_entry(void *ctx, const db_book_entry *src)
{
    struct load_ctx *l = ctx;
    struct book *b = l->b;
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        struct book_item *items = realloc(b->items, cap * sizeof *items);
        if (!items)
            return l->status = TP_ERR_NOMEM, false;
        b->items = items;
        b->cap = cap;
    }
    struct book_item *it = &b->items[b->n];
    it->e = *src;
    size_t total = 1;
#define BOOK_LEN(f) total += src->f ? strlen(src->f) + 1 : 0;
    BOOK_STRINGS(BOOK_LEN)
#undef BOOK_LEN
    it->block = malloc(total);
    if (!it->block)
        return l->status = TP_ERR_NOMEM, false;
    char *p = it->block;
#define BOOK_COPY(f) it->e.f = put(&p, src->f);
    BOOK_STRINGS(BOOK_COPY)
#undef BOOK_COPY
    b->n++;
    if (src->kind == DB_BOOK_ASSET)
        b->assets++;
    else
        b->lessons++;
    return true;
}

static bool add_safe_entry(void *ctx, const db_book_entry *raw)
{
    db_book_entry clean = *raw;
    bool ok = true;
#define BOOK_SAFE(f)                                                          \
    if (raw->f) {                                                             \
        size_t len;                                                           \
        clean.f = text_display_safe(raw->f, strlen(raw->f), true, &len);      \
        ok = ok && clean.f;                                                   \
    }
    BOOK_STRINGS(BOOK_SAFE)
#undef BOOK_SAFE
    if (ok)
        ok = add_entry(ctx, &clean);
    else
        ((struct load_ctx *)ctx)->status = TP_ERR_NOMEM;
#define BOOK_FREE(f)                                                          \
    if (raw->f)                                                               \
        free((char *)(uintptr_t)clean.f);
    BOOK_STRINGS(BOOK_FREE)
#undef BOOK_FREE
    return ok;
}

static void book_free(struct book *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->items[i].block);
    free(b->items);
    free(b->scope);
}

/* Records arrive in chapter order, so chapters are runs of items. */
static void make_chapters(struct book *b)
{
    for (size_t i = 0; i < b->n; i++) {
        struct book_chapter *c = b->n_chapters
                                     ? &b->chapters[b->n_chapters - 1] : NULL;
        if (!c || c->id != b->items[i].e.chapter) {
            c = &b->chapters[b->n_chapters++];
            *c = (struct book_chapter){.id = b->items[i].e.chapter,
                                       .number = (int)b->n_chapters,
                                       .first = i};
        }
        c->count++;
    }
}

static tp_status book_load(tp_db *db, const char *tambon, struct book *b)
{
    if (tambon) {
        long long matches = 0;
        tp_status s = db_book_tambon_matches(db, tambon, &matches);
        if (s != TP_OK)
            return s;
        if (matches == 0)
            return TP_ERR_NOTFOUND;
    }
    struct load_ctx l = {.b = b, .status = TP_OK};
    tp_status s = db_book_entries(db, tambon, add_safe_entry, &l);
    if (s == TP_OK)
        s = l.status;
    if (s != TP_OK)
        return s;
    make_chapters(b);
    if (tambon) {
        for (size_t i = 0; i < b->n && !b->scope; i++)
            if (b->items[i].e.tambon)
                b->scope = strdup(b->items[i].e.tambon);
        if (!b->scope)
            b->scope = strdup(tambon);
        if (!b->scope)
            return TP_ERR_NOMEM;
    }
    return TP_OK;
}

static bool same(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

void book_walk(const struct book *b, const struct book_sink *s, void *ctx)
{
    const book_opts *o = b->opts;
    s->begin(ctx, b);
    size_t done = 0;
    for (size_t ci = 0; ci < b->n_chapters; ci++) {
        const struct book_chapter *c = &b->chapters[ci];
        s->chapter(ctx, b, ci);
        const db_book_entry *prev = NULL;
        for (size_t i = c->first; i < c->first + c->count; i++) {
            const db_book_entry *e = &b->items[i].e;
            bool new_tambon = !prev || !same(prev->tambon_id, e->tambon_id);
            if (new_tambon) {
                char *h = e->tambon ? book_printf(_("Tambon %s"), e->tambon)
                                    : book_printf("%s", _("Province-wide "
                                                          "(no tambon)"));
                s->tambon(ctx, h ? h : "");
                free(h);
            }
            if (e->group && (new_tambon || !same(prev->group, e->group)))
                s->group(ctx, e->group);
            s->entry(ctx, e);
            prev = e;
            if (o->progress)
                o->progress(o->progress_ctx, ++done, b->n);
        }
        s->chapter_end(ctx);
    }
    s->end(ctx, b);
}

tp_status book_export(tp_db *db, const book_opts *o, FILE *out,
                      book_stats *stats)
{
    int width = o->width ? o->width : BOOK_WIDTH_DEFAULT;
    if (width < BOOK_WIDTH_MIN || width > BOOK_WIDTH_MAX)
        return TP_ERR_INVALID;
    char *tambon = NULL;
    size_t tlen;
    /* Names are stored NFC; what was typed on a command line may not be. */
    if (o->tambon && text_nfc(o->tambon, strlen(o->tambon), &tambon, &tlen) !=
                         TP_OK)
        return TP_ERR_INVALID_UTF8;
    struct book b = {.opts = o};
    tp_status s = book_load(db, tambon, &b);
    free(tambon);
    if (s == TP_OK) {
        if (o->format == BOOK_HTML)
            book_write_html(&b, out);
        else if (o->format == BOOK_MD)
            book_write_md(&b, out);
        else
            book_write_text(&b, out, width);
        if (fflush(out) != 0 || ferror(out))
            s = TP_ERR_IO;
        if (stats)
            *stats = (book_stats){.assets = b.assets, .lessons = b.lessons,
                                  .chapters = b.n_chapters};
    }
    book_free(&b);
    return s;
}

struct file_job {
    tp_db *db;
    const book_opts *o;
    book_stats *stats;
};

static tp_status write_job(void *ctx, FILE *f)
{
    struct file_job *j = ctx;
    return book_export(j->db, j->o, f, j->stats);
}

tp_status book_export_file(tp_db *db, const book_opts *o, const char *path,
                           book_stats *stats)
{
    struct file_job j = {db, o, stats};
    return export_to_path(path, write_job, &j);
}

bool book_format_parse(const char *name, book_format *out)
{
    static const struct {
        const char *name;
        book_format f;
    } names[] = {{"html", BOOK_HTML}, {"md", BOOK_MD},
                 {"markdown", BOOK_MD}, {"text", BOOK_TEXT},
                 {"txt", BOOK_TEXT}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0)
            return *out = names[i].f, true;
    return false;
}

const char *book_format_ext(book_format f)
{
    return f == BOOK_HTML ? "html" : f == BOOK_MD ? "md" : "txt";
}
