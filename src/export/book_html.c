/* The book as one self-contained, print-ready HTML file: Thai fonts the
 * reader's machine may have, a page break before each chapter, @page
 * margins, no external resources, every text escaped. Plain div/h/p/dl
 * elements so that any browser, and libxml2's HTML parser, read it. */
#include <stdlib.h>
#include <string.h>

#include "book_internal.h"
#include "export_internal.h"

static const char css[] =
    "@page { size: A4; margin: 2cm 2cm 2.5cm 2.5cm; }\n"
    "body { font-family: \"Sarabun\", \"TH Sarabun New\", \"Noto Sans Thai\", "
    "\"Tlwg Typist\", sans-serif; font-size: 16pt; line-height: 1.6; "
    "color: #000; background: #fff; }\n"
    "@media screen { body { max-width: 46em; margin: 2em auto; padding: 0 1em; } }\n"
    ".title-page { text-align: center; padding-top: 30%; "
    "page-break-after: always; break-after: page; }\n"
    ".title-page h1 { font-size: 28pt; }\n"
    ".toc { page-break-after: always; break-after: page; }\n"
    ".chapter { page-break-before: always; break-before: page; }\n"
    "h2, h3, h4, h5 { page-break-after: avoid; break-after: avoid; }\n"
    ".record { page-break-inside: avoid; break-inside: avoid; "
    "margin: 1em 0 1.5em; }\n"
    ".meta, .source, .tags { font-size: 13pt; color: #333; }\n"
    "dt { font-weight: bold; }\n";

static void owned(FILE *out, const char *tag, const char *cls, char *text)
{
    html_elem(out, tag, cls, text);
    free(text);
}

static void paragraph(void *ctx, const char *p, size_t n)
{
    FILE *out = ctx;
    fputs("<p>", out);
    html_esc_n(out, p, n);
    fputs("</p>\n", out);
}

static void begin(void *ctx, const struct book *b)
{
    FILE *out = ctx;
    fputs("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n"
          "<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width\">\n",
          out);
    html_elem(out, "title", NULL, book_title());
    fprintf(out, "<style>\n%s</style>\n</head>\n<body>\n", css);
    fputs("<div class=\"title-page\">\n", out);
    html_elem(out, "h1", NULL, book_title());
    html_elem(out, "p", "subtitle", book_subtitle());
    owned(out, "p", "scope", book_scope_line(b));
    owned(out, "p", "counts", book_counts_line(b));
    fputs("</div>\n<div class=\"toc\">\n", out);
    html_elem(out, "h2", NULL, book_toc_title());
    fputs("<ol>\n", out);
    for (size_t ci = 0; ci < b->n_chapters; ci++) {
        fprintf(out, "<li><a href=\"#chapter-%d\">", b->chapters[ci].number);
        char *h = book_chapter_heading(b, ci);
        html_esc(out, h);
        free(h);
        fputs("</a></li>\n", out);
    }
    fputs("</ol>\n</div>\n", out);
}

static void chapter(void *ctx, const struct book *b, size_t ci)
{
    FILE *out = ctx;
    fprintf(out, "<div class=\"chapter\" id=\"chapter-%d\">\n",
            b->chapters[ci].number);
    owned(out, "h2", NULL, book_chapter_heading(b, ci));
}

static void chapter_end(void *ctx)
{
    fputs("</div>\n", (FILE *)ctx);
}

static void tambon(void *ctx, const char *heading)
{
    html_elem(ctx, "h3", "tambon", heading);
}

static void group(void *ctx, const char *heading)
{
    html_elem(ctx, "h4", "group", heading);
}

static void entry(void *ctx, const db_book_entry *e)
{
    FILE *out = ctx;
    bool asset = e->kind == DB_BOOK_ASSET;
    fprintf(out, "<div class=\"record %s\" id=\"%s-", asset ? "asset" : "lesson",
            asset ? "asset" : "lesson");
    html_esc(out, e->id);
    fputs("\">\n", out);
    html_elem(out, "h5", NULL, e->title);
    if (asset) {
        html_elem(out, "p", "meta", book_origin_label(e->origin));
        fputs("<div class=\"story\">\n", out);
        book_paragraphs(e->story, paragraph, out);
        fputs("</div>\n", out);
        if (e->tags && e->tags[0])
            owned(out, "p", "tags", book_printf("%s: %s", book_tags_label(),
                                                e->tags));
    } else {
        html_elem(out, "p", "meta", book_lesson_kind_label(e->lesson_kind));
        const char *labels[4], *texts[4];
        size_t n = book_lesson_parts(e, labels, texts);
        if (n)
            fputs("<dl>\n", out);
        for (size_t i = 0; i < n; i++) {
            html_elem(out, "dt", NULL, labels[i]);
            fputs("<dd>\n", out);
            book_paragraphs(texts[i], paragraph, out);
            fputs("</dd>\n", out);
        }
        if (n)
            fputs("</dl>\n", out);
    }
    owned(out, "p", "source", book_source_line(e));
    fputs("</div>\n", out);
}

static void end(void *ctx, const struct book *b)
{
    (void)b;
    fputs("</body>\n</html>\n", (FILE *)ctx);
}

void book_write_html(const struct book *b, FILE *out)
{
    static const struct book_sink sink = {
        .begin = begin, .chapter = chapter, .chapter_end = chapter_end,
        .tambon = tambon, .group = group, .entry = entry, .end = end,
    };
    book_walk(b, &sink, out);
}
