/* Word-aware wrapping of Thai and mixed text.
 *
 * Greedy, per paragraph (the text between '\n'): a line may end at a space
 * run (the spaces belong to neither line) or at a libthai word break; a word
 * wider than the line is cut at a cluster boundary. Only clusters are ever
 * measured, so a base and its marks always stay together. */
#include <stdlib.h>

#include "tapian/text.h"
#include "wordbreak.h"

typedef struct {
    text_line *v;
    size_t count, cap;
    bool failed;
} line_vec;

static void emit(line_vec *lv, const char *s, size_t start, size_t end)
{
    while (end > start && s[end - 1] == ' ')
        end--; /* trailing spaces are not part of the line */
    if (lv->failed)
        return;
    if (lv->count == lv->cap) {
        size_t cap = lv->cap ? lv->cap * 2 : 16;
        text_line *v = realloc(lv->v, cap * sizeof *v);
        if (!v) {
            lv->failed = true;
            return;
        }
        lv->v = v;
        lv->cap = cap;
    }
    lv->v[lv->count++] = (text_line){
        .start = start,
        .len = end - start,
        .width = text_width(s + start, end - start),
    };
}

/* A cluster that is exactly one ASCII space (a space followed by a mark is
 * a cluster of its own and is not a break). */
static bool is_space(const char *s, size_t n, size_t pos)
{
    return s[pos] == ' ' && text_next_cluster(s, n, pos) == pos + 1;
}

static void wrap_paragraph(line_vec *lv, const char *s, size_t n, size_t a,
                           size_t b, int width, const size_t *brk,
                           size_t nbrk)
{
    size_t ls = a;  /* start of the line being filled */
    size_t bi = 0;  /* first libthai break at or after ls */
    for (;;) {
        while (bi < nbrk && brk[bi] < ls)
            bi++;
        size_t q = ls, j = bi;
        int x = 0;
        size_t cand_end = ls, cand_next = ls; /* last place to break */
        for (;;) {
            if (q >= b) {
                emit(lv, s, ls, b);
                return;
            }
            if (is_space(s, n, q)) {
                size_t se = q;
                while (se < b && is_space(s, n, se))
                    se++;
                if (q > ls) {
                    cand_end = q;
                    cand_next = se;
                }
                if (se >= b && q > ls) { /* trailing spaces: not a line */
                    emit(lv, s, ls, b);
                    return;
                }
                if (x + (int)(se - q) <= width) {
                    x += (int)(se - q);
                    q = se;
                    continue;
                }
                if (q > ls) {
                    emit(lv, s, ls, q);
                    ls = se;
                } else if (se >= b) { /* a paragraph of spaces only */
                    emit(lv, s, ls, b);
                    return;
                } else { /* indentation wider than the line: drop it */
                    ls = se;
                }
                break;
            }
            while (j < nbrk && brk[j] < q)
                j++;
            if (j < nbrk && brk[j] == q && q > ls) {
                cand_end = q;
                cand_next = q;
            }
            size_t e = text_next_cluster(s, n, q);
            int w = text_width(s + q, e - q);
            if (x + w <= width) {
                x += w;
                q = e;
                continue;
            }
            if (cand_end > ls) {
                emit(lv, s, ls, cand_end);
                ls = cand_next;
            } else if (q > ls) { /* one word wider than the line */
                emit(lv, s, ls, q);
                ls = q;
            } else { /* one cluster wider than the line */
                emit(lv, s, ls, e);
                ls = e;
            }
            break;
        }
        if (lv->failed || ls >= b)
            return;
    }
}

size_t text_wrap(const char *s, size_t n, int width, text_line **lines)
{
    *lines = NULL;
    if (width < 1)
        width = 1;
    line_vec lv = {0};
    size_t a = 0;
    for (;;) {
        size_t b = a;
        while (b < n && s[b] != '\n')
            b++;
        size_t *brk;
        size_t nbrk = text_word_breaks(s, n, a, b, &brk);
        if (nbrk == (size_t)-1) {
            lv.failed = true;
        } else {
            wrap_paragraph(&lv, s, n, a, b, width, brk, nbrk);
            free(brk);
        }
        if (lv.failed || b >= n)
            break;
        a = b + 1;
    }
    if (lv.failed) {
        free(lv.v);
        return 0;
    }
    *lines = lv.v;
    return lv.count;
}
