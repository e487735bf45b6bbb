/* The field editor's model, part two: what depends on the field's width —
 * Home/End, Up/Down by wrapped line and the layouts the view draws from.
 * Wrapping, widths and columns come from the text module. */
#include "tapian/field.h"

#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

/* The wrapped line that holds pos: the last one starting at or before it.
 * (A position in the spaces of a soft break belongs to the line above.) */
static size_t line_of(const text_line *l, size_t nl, size_t pos)
{
    size_t i = 0;
    while (i + 1 < nl && l[i + 1].start <= pos)
        i++;
    return i;
}

/* Where End puts the cursor on line i. A line broken between two words
 * with no space ends exactly where the next begins, and that offset shows on
 * the next line; so End stops before the line's last cluster there. */
static size_t line_end(const field *f, const text_line *l, size_t nl, size_t i)
{
    size_t end = l[i].start + l[i].len;
    if (i + 1 < nl && end >= l[i + 1].start) {
        end = text_prev_cluster(f->buf, f->len, l[i + 1].start);
        if (end < l[i].start)
            end = l[i].start;
    }
    return end;
}

/* Column of pos on line i, from the line's start. */
static int col_on_line(const field *f, const text_line *l, size_t i, size_t pos)
{
    return text_width(f->buf + l[i].start, pos - l[i].start);
}

/* Lines at width, or 0 (with *l NULL) when out of memory or width < 1. */
static size_t wrap(field *f, int width, text_line **l)
{
    *l = NULL;
    if (width < 1)
        return 0;
    f->wrap_width = width;
    return text_wrap(f->buf, f->len, width, l);
}

/* Home and End of a hard line, for a multi-line field not laid out yet. */
static size_t hard_line_start(const field *f)
{
    size_t p = f->cursor;
    while (p > 0 && f->buf[p - 1] != '\n')
        p--;
    return p;
}

static size_t hard_line_end(const field *f)
{
    const char *nl = memchr(f->buf + f->cursor, '\n', f->len - f->cursor);
    return nl ? (size_t)(nl - f->buf) : f->len;
}

static void home_or_end(field *f, bool end)
{
    f->goal_col = -1;
    if (!f->multiline) {
        f->cursor = end ? f->len : 0;
        return;
    }
    text_line *l;
    size_t nl = wrap(f, f->wrap_width, &l);
    if (nl == 0) {
        f->cursor = end ? hard_line_end(f) : hard_line_start(f);
        return;
    }
    size_t i = line_of(l, nl, f->cursor);
    f->cursor = end ? line_end(f, l, nl, i) : l[i].start;
    free(l);
}

void field_home(field *f)
{
    home_or_end(f, false);
}

void field_end(field *f)
{
    home_or_end(f, true);
}

/* Moves to the wrapped line dir (-1 or +1) away, at goal_col or before it;
 * stays put on the first or last line. */
static void vertical(field *f, int width, int dir)
{
    text_line *l;
    size_t nl = wrap(f, width, &l);
    if (nl == 0)
        return;
    size_t i = line_of(l, nl, f->cursor);
    if (f->goal_col < 0)
        f->goal_col = col_on_line(f, l, i, f->cursor);
    if ((dir < 0 && i > 0) || (dir > 0 && i + 1 < nl)) {
        size_t j = dir < 0 ? i - 1 : i + 1;
        size_t pos = l[j].start +
                     text_offset_at_column(f->buf + l[j].start, l[j].len,
                                           f->goal_col);
        size_t end = line_end(f, l, nl, j);
        f->cursor = pos < end ? pos : end;
    }
    free(l);
}

void field_up(field *f, int width)
{
    vertical(f, width, -1);
}

void field_down(field *f, int width)
{
    vertical(f, width, +1);
}

/* The first cluster boundary at or after column col, and its column. */
static size_t boundary_from_col(const field *f, int *col)
{
    size_t off = text_offset_at_column(f->buf, f->len, *col);
    int at = text_width(f->buf, off);
    if (at < *col) { /* col is inside a wide cluster: start after it */
        off = text_next_cluster(f->buf, f->len, off);
        at = text_width(f->buf, off);
    }
    *col = at;
    return off;
}

size_t field_layout_single(field *f, int width, int *cursor_col)
{
    *cursor_col = 0;
    if (width < 1)
        return 0;
    int cur = text_width(f->buf, f->cursor);
    int total = text_width(f->buf, f->len);
    /* no blank columns on the right while text is hidden on the left; the
     * cell after the text is where the cursor sits at the end */
    int most = total + 1 - width;
    if (f->scroll_col > most)
        f->scroll_col = most;
    if (f->scroll_col < 0)
        f->scroll_col = 0;
    if (cur < f->scroll_col)
        f->scroll_col = cur;
    if (cur > f->scroll_col + width - 1)
        f->scroll_col = cur - width + 1;
    /* never start drawing inside a cluster; moving right stays left of the
     * cursor because the cursor itself is on a boundary */
    size_t start = boundary_from_col(f, &f->scroll_col);
    *cursor_col = cur - f->scroll_col;
    return start;
}

void field_layout_multi(field *f, int width, int height, int *cursor_line,
                        int *cursor_col)
{
    *cursor_line = 0;
    *cursor_col = 0;
    text_line *l;
    size_t nl = wrap(f, width, &l);
    if (nl == 0 || height < 1) {
        free(l);
        return;
    }
    int i = (int)line_of(l, nl, f->cursor);
    int col = col_on_line(f, l, (size_t)i, f->cursor);
    int most = (int)nl - height; /* no blank lines below while some hidden */
    if (f->scroll_line > most)
        f->scroll_line = most;
    if (f->scroll_line < 0)
        f->scroll_line = 0;
    if (i < f->scroll_line)
        f->scroll_line = i;
    if (i > f->scroll_line + height - 1)
        f->scroll_line = i - height + 1;
    *cursor_line = i - f->scroll_line;
    /* the cursor after a line that fills the width shows on its last cell */
    *cursor_col = col < width ? col : width - 1;
    free(l);
}
