/* The field editor's model: a UTF-8 buffer with a cursor, edited by the rules
 * of Thai (cursor by cluster, Backspace by code point, input sequence
 * checking). No curses here; src/ui/field_view.c draws it. */
#ifndef TAPIAN_FIELD_H
#define TAPIAN_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tapian/status.h"

typedef enum {
    FIELD_OK,        /* done as asked */
    FIELD_CORRECTED, /* input sequence checking reordered or replaced */
    FIELD_REJECTED,  /* a mark that cannot follow what is before it */
    FIELD_FULL,      /* the maximum length was reached (paste: truncated) */
    FIELD_INVALID,   /* invalid UTF-8 or a control character was refused */
    FIELD_NOMEM
} field_result;

typedef struct field {
    char *buf;        /* UTF-8, NUL-terminated */
    size_t len;       /* bytes */
    size_t cap;
    size_t cursor;    /* byte offset, always on a cluster boundary */
    size_t max_chars; /* maximum length in code points; 0 = none */
    bool multiline;
    bool modified;    /* changed since field_set / field_mark_saved */
    /* view state kept between draws */
    int scroll_col;   /* single-line: first visible column */
    int scroll_line;  /* multi-line: first visible wrapped line */
    int goal_col;     /* column kept for Up/Down; -1 = take the cursor's */
    int wrap_width;   /* multi-line: width of the last layout or Up/Down,
                         used by Home/End; 0 = not laid out (hard lines) */
} field;

field *field_new(bool multiline, size_t max_chars);
void field_free(field **f);

/* Replaces the content (cleaned as for saving); cursor at the end. Content
 * longer than max_chars is kept whole (opening a record never loses data) and
 * FIELD_FULL says so. */
field_result field_set(field *f, const char *s, size_t n);
const char *field_text(const field *f);
void field_mark_saved(field *f);

/* Typing one code point: goes through input sequence checking. */
field_result field_insert_char(field *f, uint32_t c);
/* Paste: validated, controls removed (newlines kept in multi-line fields,
 * tabs become spaces), NFC; truncated at the maximum length. */
field_result field_insert_text(field *f, const char *s, size_t n);

void field_backspace(field *f);   /* removes one code point */
void field_delete(field *f);      /* removes one cluster */
void field_left(field *f);
void field_right(field *f);
void field_home(field *f);        /* start of the (wrapped) line */
void field_end(field *f);
void field_word_left(field *f);
void field_word_right(field *f);
/* Multi-line: move by wrapped line at the given width, keeping goal_col. */
void field_up(field *f, int width);
void field_down(field *f, int width);

/* Layout for drawing a single-line field `width` columns wide: adjusts
 * scroll_col so the cursor is visible; returns the byte offset where drawing
 * starts and sets *cursor_col to the cursor's column within the field. */
size_t field_layout_single(field *f, int width, int *cursor_col);
/* Multi-line layout at width x height: adjusts scroll_line so the cursor's
 * line is visible and gives the cursor's line (counted from scroll_line) and
 * column, both within the field. */
void field_layout_multi(field *f, int width, int height, int *cursor_line,
                        int *cursor_col);

#endif
