/* Private to src/export: the book held in memory (the table of contents
 * needs every chapter before the first one is written), the walk in reading
 * order that the three renderers share, and their common labels. */
#ifndef TAPIAN_BOOK_INTERNAL_H
#define TAPIAN_BOOK_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "tapian/db_book.h"
#include "tapian/export.h"

struct book_item {
    db_book_entry e; /* strings point into block */
    char *block;
};

struct book_chapter {
    db_book_chapter id;
    int number;         /* 1-based, in the order printed */
    size_t first, count; /* items */
};

struct book {
    struct book_item *items;
    size_t n, cap;
    struct book_chapter chapters[DB_BOOK_CH_COUNT];
    size_t n_chapters;
    size_t assets, lessons;
    char *scope;        /* the tambon's name when limited to one */
    const book_opts *opts;
};

/* What a renderer does at each step of the walk; ctx is its own. */
struct book_sink {
    void (*begin)(void *ctx, const struct book *b);
    void (*chapter)(void *ctx, const struct book *b, size_t ci);
    void (*chapter_end)(void *ctx);
    void (*tambon)(void *ctx, const char *heading);
    void (*group)(void *ctx, const char *heading);
    void (*entry)(void *ctx, const db_book_entry *e);
    void (*end)(void *ctx, const struct book *b);
};

/* Calls the sink in reading order, with a tambon heading when the tambon
 * changes and a group heading when the group changes (none for records
 * without a group), and reports progress. */
void book_walk(const struct book *b, const struct book_sink *s, void *ctx);

/* Renderers; the stream's error flag tells whether writing failed. */
void book_write_html(const struct book *b, FILE *out);
void book_write_md(const struct book *b, FILE *out);
void book_write_text(const struct book *b, FILE *out, int width);

/* ---- labels (translated; malloc'd ones are freed by the caller) ---- */
const char *book_title(void);
const char *book_subtitle(void);
const char *book_toc_title(void);
char *book_scope_line(const struct book *b);
char *book_counts_line(const struct book *b);
char *book_chapter_heading(const struct book *b, size_t ci);
const char *book_origin_label(const char *origin);
const char *book_lesson_kind_label(const char *kind);
const char *book_tags_label(void);
/* "ที่มา: …" with the meeting, its Buddhist-era date, person, lesson and
 * note; NULL when the record names no source. */
char *book_source_line(const db_book_entry *e);
/* The lesson's filled parts (expected, happened, why, next time) with their
 * labels; returns how many, at most 4. */
size_t book_lesson_parts(const db_book_entry *e, const char *labels[4],
                         const char *texts[4]);
/* "11 ต.ค. 2548" from "2005-10-11" into buf; the text as stored when it is
 * not a date. */
void book_date(const char *iso, char *buf, size_t size);
/* printf into a new string; NULL on out of memory. */
char *book_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Calls fn for each non-blank line of s (paragraphs of a story). */
void book_paragraphs(const char *s, void (*fn)(void *ctx, const char *p,
                                               size_t n),
                     void *ctx);

#endif
