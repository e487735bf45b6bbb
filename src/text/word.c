/* Word-by-word cursor movement: a word starts after white space or at a
 * libthai word break. Breaks are looked up one paragraph (up to '\n') at a
 * time, so a keystroke costs the paragraph, not the whole text. */
#include <stdlib.h>

#include "tapian/text.h"
#include "wordbreak.h"

static bool is_white(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t para_start(const char *s, size_t pos)
{
    while (pos > 0 && s[pos - 1] != '\n')
        pos--;
    return pos;
}

static size_t para_end(const char *s, size_t n, size_t pos)
{
    while (pos < n && s[pos] != '\n')
        pos++;
    return pos;
}

/* A word start p in paragraph [a,b) with lo <= p < hi: the first one, or
 * the last one when last is set; `none` when there is none. */
static size_t find_start(const char *s, size_t n, size_t a, size_t b,
                         size_t lo, size_t hi, bool last, size_t none)
{
    size_t *brk;
    size_t nbrk = text_word_breaks(s, n, a, b, &brk);
    if (nbrk == (size_t)-1)
        nbrk = 0; /* out of memory: fall back to white space only */
    size_t found = none, j = 0;
    for (size_t p = a; p < b && p < hi; p = text_next_cluster(s, n, p)) {
        while (j < nbrk && brk[j] < p)
            j++;
        if (p < lo || is_white(text_decode(s, n, p, NULL)))
            continue;
        bool start = p == a ||
                     is_white(text_decode(s, n, text_prev_codepoint(s, n, p),
                                          NULL)) ||
                     (j < nbrk && brk[j] == p);
        if (!start)
            continue;
        found = p;
        if (!last)
            break;
    }
    free(brk);
    return found;
}

size_t text_word_next(const char *s, size_t n, size_t pos)
{
    if (pos >= n)
        return n;
    size_t a = para_start(s, pos), lo = pos + 1;
    for (;;) {
        size_t b = para_end(s, n, a);
        size_t p = find_start(s, n, a, b, lo, b, false, n);
        if (p < n || b >= n)
            return p;
        a = lo = b + 1;
    }
}

size_t text_word_prev(const char *s, size_t n, size_t pos)
{
    if (pos > n)
        pos = n;
    if (pos == 0)
        return 0;
    size_t hi = pos, a = para_start(s, pos - 1);
    for (;;) {
        size_t b = para_end(s, n, a);
        size_t p = find_start(s, n, a, b, a, hi, true, n);
        if (p < n)
            return p;
        if (a == 0)
            return 0;
        hi = a;
        a = para_start(s, a - 1);
    }
}
