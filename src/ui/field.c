/* The field editor's model: buffer, typing, paste, deletion and moves along
 * the text. Every Unicode and Thai rule is asked of the text module; this
 * file only moves bytes. Moves that depend on wrapping are in field_lines.c. */
#include "tapian/field.h"

#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

field *field_new(bool multiline, size_t max_chars)
{
    field *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->cap = 64;
    f->buf = malloc(f->cap);
    if (!f->buf) {
        free(f);
        return NULL;
    }
    f->buf[0] = '\0';
    f->max_chars = max_chars;
    f->multiline = multiline;
    f->goal_col = -1;
    return f;
}

void field_free(field **f)
{
    if (!f || !*f)
        return;
    free((*f)->buf);
    free(*f);
    *f = NULL;
}

const char *field_text(const field *f)
{
    return f->buf;
}

void field_mark_saved(field *f)
{
    f->modified = false;
}

/* Replaces del bytes at `at` by ins; false (nothing changed) when out of
 * memory. */
static bool splice(field *f, size_t at, size_t del, const char *ins, size_t n)
{
    if (del == 0 && n == 0)
        return true; /* not a change: modified stays as it was */
    size_t need = f->len - del + n + 1;
    if (need > f->cap) {
        size_t cap = f->cap * 2 > need ? f->cap * 2 : need;
        char *p = realloc(f->buf, cap);
        if (!p)
            return false;
        f->buf = p;
        f->cap = cap;
    }
    memmove(f->buf + at + n, f->buf + at + del, f->len - at - del + 1);
    memcpy(f->buf + at, ins, n);
    f->len = f->len - del + n;
    f->modified = true;
    return true;
}

/* An edit can leave the cursor inside a cluster (deleting the newline
 * between a consonant and a mark that began the next line joins them):
 * move it to the end of that cluster. */
static void snap_cursor(field *f)
{
    if (!text_is_cluster_boundary(f->buf, f->len, f->cursor))
        f->cursor = text_next_cluster(f->buf, f->len, f->cursor);
}

/* Cleaned text the field can hold: valid UTF-8, no controls, NFC; tabs become
 * spaces and, in a single-line field, line breaks become spaces so that
 * pasted lines do not run together. Both are ASCII bytes, which never occur
 * inside a multi-byte UTF-8 sequence. */
static field_result clean(const field *f, const char *s, size_t n, char **out,
                          size_t *out_len)
{
    tp_status st = text_clean_for_save(s, n, true, out, out_len);
    if (st == TP_ERR_NOMEM)
        return FIELD_NOMEM;
    if (st != TP_OK)
        return FIELD_INVALID;
    for (size_t i = 0; i < *out_len; i++)
        if ((*out)[i] == '\t' || ((*out)[i] == '\n' && !f->multiline))
            (*out)[i] = ' ';
    return FIELD_OK;
}

field_result field_set(field *f, const char *s, size_t n)
{
    char *t;
    size_t tn;
    field_result r = clean(f, s, n, &t, &tn);
    if (r != FIELD_OK)
        return r;
    bool ok = splice(f, 0, f->len, t, tn); /* all or nothing */
    free(t);
    if (!ok)
        return FIELD_NOMEM;
    f->cursor = f->len;
    f->modified = false;
    f->scroll_col = 0;
    f->scroll_line = 0;
    f->goal_col = -1;
    if (f->max_chars && text_codepoints(f->buf, f->len) > f->max_chars)
        return FIELD_FULL;
    return FIELD_OK;
}

/* Whether the text module lets c be typed: it is a scalar value that
 * cleaning keeps, and not a tab (only '\n' in a multi-line field is a control
 * that may be typed; the caller decides what Enter and Tab mean). */
static field_result typed_char(const field *f, uint32_t c, char enc[4],
                               int *k)
{
    *k = text_encode(c, enc);
    if (*k == 0)
        return FIELD_INVALID;
    if (c == '\n')
        return f->multiline ? FIELD_OK : FIELD_INVALID;
    char *t;
    size_t tn;
    tp_status st = text_clean_for_save(enc, (size_t)*k, false, &t, &tn);
    if (st == TP_ERR_NOMEM)
        return FIELD_NOMEM;
    bool refused = st != TP_OK || tn == 0 || memchr(t, '\t', tn) != NULL;
    free(t);
    return refused ? FIELD_INVALID : FIELD_OK;
}

field_result field_insert_char(field *f, uint32_t c)
{
    char enc[4];
    int k;
    field_result r = typed_char(f, c, enc, &k);
    if (r != FIELD_OK)
        return r;

    size_t del = 0;
    char repl[32];
    text_isc_result isc = text_isc_check(f->buf, f->len, f->cursor, c, &del,
                                         repl);
    if (isc == TEXT_ISC_REJECT)
        return FIELD_REJECTED;
    if (isc == TEXT_ISC_ACCEPT) {
        memcpy(repl, enc, (size_t)k);
        repl[k] = '\0';
        del = 0;
    }
    if (del > f->cursor)
        del = f->cursor; /* never reach before the start of the text */
    size_t rn = strlen(repl);

    if (f->max_chars) {
        size_t now = text_codepoints(f->buf, f->len);
        size_t gone = text_codepoints(f->buf + f->cursor - del, del);
        if (now - gone + text_codepoints(repl, rn) > f->max_chars)
            return FIELD_FULL;
    }
    size_t at = f->cursor - del;
    if (!splice(f, at, del, repl, rn))
        return FIELD_NOMEM;
    f->cursor = at + rn;
    snap_cursor(f);
    f->goal_col = -1;
    return isc == TEXT_ISC_CORRECT ? FIELD_CORRECTED : FIELD_OK;
}

/* The longest run of whole clusters of t that has at most room code points.
 * Walks only as far as needed, so a huge paste into a short field is cheap. */
static size_t fit_clusters(const char *t, size_t n, size_t room)
{
    size_t pos = 0, used = 0;
    while (pos < n) {
        size_t next = text_next_cluster(t, n, pos);
        size_t cps = text_codepoints(t + pos, next - pos);
        if (used + cps > room)
            break;
        used += cps;
        pos = next;
    }
    return pos;
}

/* Paste is cleaned on its own (NFC of the pasted text, not of the text
 * around it), not put through input sequence checking: it was typed
 * elsewhere. The whole value is cleaned again when it is saved. */
field_result field_insert_text(field *f, const char *s, size_t n)
{
    char *t;
    size_t tn;
    field_result r = clean(f, s, n, &t, &tn);
    if (r != FIELD_OK)
        return r;
    if (f->max_chars) {
        size_t now = text_codepoints(f->buf, f->len);
        size_t room = now < f->max_chars ? f->max_chars - now : 0;
        size_t cut = fit_clusters(t, tn, room);
        if (cut < tn) {
            tn = cut;
            r = FIELD_FULL;
        }
    }
    if (!splice(f, f->cursor, 0, t, tn)) {
        free(t);
        return FIELD_NOMEM;
    }
    free(t);
    f->cursor += tn;
    snap_cursor(f);
    f->goal_col = -1;
    return r;
}

void field_backspace(field *f)
{
    if (f->cursor == 0)
        return;
    size_t at = text_prev_codepoint(f->buf, f->len, f->cursor);
    splice(f, at, f->cursor - at, "", 0); /* shrinking never allocates */
    f->cursor = at;
    snap_cursor(f);
    f->goal_col = -1;
}

void field_delete(field *f)
{
    if (f->cursor >= f->len)
        return;
    size_t end = text_next_cluster(f->buf, f->len, f->cursor);
    splice(f, f->cursor, end - f->cursor, "", 0);
    snap_cursor(f);
    f->goal_col = -1;
}

void field_left(field *f)
{
    f->cursor = text_prev_cluster(f->buf, f->len, f->cursor);
    f->goal_col = -1;
}

void field_right(field *f)
{
    f->cursor = text_next_cluster(f->buf, f->len, f->cursor);
    f->goal_col = -1;
}

void field_word_left(field *f)
{
    f->cursor = text_word_prev(f->buf, f->len, f->cursor);
    snap_cursor(f);
    f->goal_col = -1;
}

void field_word_right(field *f)
{
    f->cursor = text_word_next(f->buf, f->len, f->cursor);
    snap_cursor(f);
    f->goal_col = -1;
}
