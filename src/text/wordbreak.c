/* libthai word breaks on UTF-8 text.
 *
 * The breaker loads a dictionary, so it is created once, lazily, and kept in
 * a static: tapian runs on one thread (see DESIGN.md), so no locking. It is
 * freed by text_shutdown, which is also registered with atexit so that leak
 * checkers see a clean exit. */
#include <stdlib.h>

#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <thai/thwchar.h>

#include "tapian/text.h"
#include "wordbreak.h"

static ThBrk *breaker;
static bool breaker_failed;

void text_shutdown(void)
{
    if (breaker)
        th_brk_delete(breaker);
    breaker = NULL;
    breaker_failed = false;
}

static ThBrk *get_breaker(void)
{
    static bool registered;
    if (!breaker && !breaker_failed) {
        breaker = th_brk_new(NULL);
        breaker_failed = breaker == NULL;
        if (breaker && !registered)
            registered = atexit(text_shutdown) == 0;
    }
    return breaker;
}

size_t text_word_breaks(const char *s, size_t n, size_t a, size_t b,
                        size_t **out)
{
    *out = NULL;
    if (b > n)
        b = n;
    if (a >= b)
        return 0;
    size_t cps = text_codepoints(s + a, b - a);
    if (cps >= (size_t)INT32_MAX)
        return (size_t)-1; /* libthai counts in int */
    thwchar_t *w = malloc((cps + 1) * sizeof *w);
    size_t *at = malloc((cps + 1) * sizeof *at);
    int *pos = malloc((cps + 1) * sizeof *pos);
    size_t count = (size_t)-1;
    if (!w || !at || !pos)
        goto done;
    size_t i = 0;
    for (size_t p = a, len; p < b; p += len) {
        uint32_t c = text_decode(s, b, p, &len);
        /* a NUL would end libthai's string early; a space breaks the same */
        w[i] = c == 0 ? L' ' : (thwchar_t)c;
        at[i++] = p;
    }
    w[i] = 0;
    at[i] = b;
    count = 0;
    ThBrk *brk = get_breaker();
    if (!brk)
        goto done; /* no dictionary: only spaces and newlines break */
    int k = th_brk_wc_find_breaks(brk, w, pos, cps + 1);
    size_t *res = malloc(((size_t)(k > 0 ? k : 0) + 1) * sizeof *res);
    if (!res) {
        count = (size_t)-1;
        goto done;
    }
    for (int j = 0; j < k; j++) {
        if (pos[j] <= 0 || (size_t)pos[j] >= cps)
            continue;
        size_t off = at[pos[j]];
        if (text_is_cluster_boundary(s, n, off))
            res[count++] = off;
    }
    *out = res;
done:
    free(w);
    free(at);
    free(pos);
    return count;
}
