/* The book as plain text wrapped at N columns: lines broken at spaces and
 * libthai word breaks (text_wrap), measured in display columns, headings
 * underlined to their display width. */
#include <stdlib.h>
#include <string.h>

#include "book_internal.h"
#include "tapian/text.h"

struct text_ctx {
    FILE *out;
    int width;
};

/* Writes s wrapped at width - indent, each line after indent spaces;
 * returns the widest line's width (0 on out of memory). */
static int wrapped(struct text_ctx *t, const char *s, int indent, bool centre)
{
    if (!s || !s[0])
        return 0;
    text_line *lines;
    int w = t->width - indent, widest = 0;
    size_t n = text_wrap(s, strlen(s), w, &lines);
    for (size_t i = 0; i < n; i++) {
        int pad = indent + (centre ? (w - lines[i].width) / 2 : 0);
        if (lines[i].len)
            fprintf(t->out, "%*s%.*s", pad, "", (int)lines[i].len,
                    s + lines[i].start);
        fputc('\n', t->out);
        if (lines[i].width > widest)
            widest = lines[i].width;
    }
    free(lines);
    return widest;
}

static void heading(struct text_ctx *t, const char *s, char rule)
{
    int w = wrapped(t, s, 0, false);
    for (int i = 0; i < w; i++)
        fputc(rule, t->out);
    fputs("\n\n", t->out);
}

static void para(struct text_ctx *t, const char *s, int indent)
{
    if (!s || !s[0])
        return;
    wrapped(t, s, indent, false);
    fputc('\n', t->out);
}

static void owned(struct text_ctx *t, char *s, int indent)
{
    para(t, s, indent);
    free(s);
}

static void begin(void *ctx, const struct book *b)
{
    struct text_ctx *t = ctx;
    fputs("\n\n", t->out);
    wrapped(t, book_title(), 0, true);
    fputc('\n', t->out);
    wrapped(t, book_subtitle(), 0, true);
    fputc('\n', t->out);
    char *s = book_scope_line(b);
    wrapped(t, s, 0, true);
    free(s);
    s = book_counts_line(b);
    wrapped(t, s, 0, true);
    free(s);
    fputs("\n\n", t->out);
    heading(t, book_toc_title(), '=');
    for (size_t ci = 0; ci < b->n_chapters; ci++) {
        char *h = book_chapter_heading(b, ci);
        wrapped(t, h, 2, false);
        free(h);
    }
    fputs("\n\n", t->out);
}

static void chapter(void *ctx, const struct book *b, size_t ci)
{
    char *h = book_chapter_heading(b, ci);
    heading(ctx, h, '=');
    free(h);
}

static void chapter_end(void *ctx)
{
    fputs("\n", ((struct text_ctx *)ctx)->out);
}

static void tambon(void *ctx, const char *h)
{
    heading(ctx, h, '-');
}

static void group(void *ctx, const char *h)
{
    heading(ctx, h, '~');
}

/* A copy of one paragraph with tabs as spaces: a tab's width depends on
 * the reader's viewer, and the width of every line must be known. */
static char *detab(const char *p, size_t n)
{
    char *s = book_printf("%.*s", (int)n, p);
    for (char *c = s; c && *c; c++)
        if (*c == '\t')
            *c = ' ';
    return s;
}

static void story_line(void *ctx, const char *p, size_t n)
{
    owned(ctx, detab(p, n), 0);
}

static void part_line(void *ctx, const char *p, size_t n)
{
    owned(ctx, detab(p, n), 4);
}

static void entry(void *ctx, const db_book_entry *e)
{
    struct text_ctx *t = ctx;
    heading(t, e->title, '.');
    if (e->kind == DB_BOOK_ASSET) {
        para(t, book_origin_label(e->origin), 0);
        book_paragraphs(e->story, story_line, t);
        if (e->tags && e->tags[0])
            owned(t, book_printf("%s: %s", book_tags_label(), e->tags), 0);
    } else {
        para(t, book_lesson_kind_label(e->lesson_kind), 0);
        const char *labels[4], *texts[4];
        size_t n = book_lesson_parts(e, labels, texts);
        for (size_t i = 0; i < n; i++) {
            wrapped(t, labels[i], 0, false);
            book_paragraphs(texts[i], part_line, t);
        }
    }
    owned(t, book_source_line(e), 0);
    fputc('\n', t->out);
}

static void end(void *ctx, const struct book *b)
{
    (void)ctx;
    (void)b;
}

void book_write_text(const struct book *b, FILE *out, int width)
{
    static const struct book_sink sink = {
        .begin = begin, .chapter = chapter, .chapter_end = chapter_end,
        .tambon = tambon, .group = group, .entry = entry, .end = end,
    };
    struct text_ctx t = {.out = out, .width = width};
    book_walk(b, &sink, &t);
}
