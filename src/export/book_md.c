/* The book as Markdown (CommonMark): headings by level, every character
 * that Markdown would read as syntax escaped with a backslash. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "book_internal.h"

/* Escapes a one-line text: inline syntax everywhere, and what would start a
 * list, heading or quote at the start of the line. */
static void esc_n(FILE *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    bool numbered = i > 0 && i < n && (s[i] == '.' || s[i] == ')');
    for (size_t j = 0; j < n; j++) {
        char c = s[j];
        bool line_start = j == 0 && strchr("-+=", c);
        if ((c && strchr("\\`*_[]<>#|~&", c)) || line_start ||
            (numbered && j == i))
            fputc('\\', out);
        fputc(c, out);
    }
}

static void esc(FILE *out, const char *s)
{
    if (s)
        esc_n(out, s, strlen(s));
}

static void heading(FILE *out, int level, const char *text)
{
    fprintf(out, "%.*s ", level, "######");
    esc(out, text);
    fputs("\n\n", out);
}

static void para(FILE *out, const char *text)
{
    if (!text)
        return;
    esc(out, text);
    fputs("\n\n", out);
}

static void paragraph(void *ctx, const char *p, size_t n)
{
    esc_n(ctx, p, n);
    fputs("\n\n", (FILE *)ctx);
}

static void owned_para(FILE *out, const char *before, char *text,
                       const char *after)
{
    if (!text)
        return;
    fputs(before, out);
    esc(out, text);
    fprintf(out, "%s\n\n", after);
    free(text);
}

/* A label in emphasis, e.g. the origin of an asset. */
static void em(FILE *out, const char *mark, const char *label)
{
    if (label)
        owned_para(out, mark, book_printf("%s", label), mark);
}

static void begin(void *ctx, const struct book *b)
{
    FILE *out = ctx;
    heading(out, 1, book_title());
    para(out, book_subtitle());
    owned_para(out, "", book_scope_line(b), "");
    owned_para(out, "", book_counts_line(b), "");
    heading(out, 2, book_toc_title());
    for (size_t ci = 0; ci < b->n_chapters; ci++) {
        fprintf(out, "%zu. ", ci + 1);
        char *h = book_chapter_heading(b, ci);
        esc(out, h);
        free(h);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static void chapter(void *ctx, const struct book *b, size_t ci)
{
    char *h = book_chapter_heading(b, ci);
    heading(ctx, 2, h);
    free(h);
}

static void chapter_end(void *ctx)
{
    (void)ctx;
}

static void tambon(void *ctx, const char *h)
{
    heading(ctx, 3, h);
}

static void group(void *ctx, const char *h)
{
    heading(ctx, 4, h);
}

static void entry(void *ctx, const db_book_entry *e)
{
    FILE *out = ctx;
    heading(out, 5, e->title);
    if (e->kind == DB_BOOK_ASSET) {
        em(out, "*", book_origin_label(e->origin));
        book_paragraphs(e->story, paragraph, out);
        if (e->tags && e->tags[0])
            owned_para(out, "",
                       book_printf("%s: %s", book_tags_label(), e->tags), "");
    } else {
        em(out, "*", book_lesson_kind_label(e->lesson_kind));
        const char *labels[4], *texts[4];
        size_t n = book_lesson_parts(e, labels, texts);
        for (size_t i = 0; i < n; i++) {
            em(out, "**", labels[i]);
            book_paragraphs(texts[i], paragraph, out);
        }
    }
    owned_para(out, "*", book_source_line(e), "*");
}

static void end(void *ctx, const struct book *b)
{
    (void)ctx;
    (void)b;
}

void book_write_md(const struct book *b, FILE *out)
{
    static const struct book_sink sink = {
        .begin = begin, .chapter = chapter, .chapter_end = chapter_end,
        .tambon = tambon, .group = group, .entry = entry, .end = end,
    };
    book_walk(b, &sink, out);
}
