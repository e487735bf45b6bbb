/* libthai word breaks on UTF-8 text.
 *
 * The breaker loads a dictionary, so it is created once, lazily, and kept in
 * a static: tapian runs on one thread (see DESIGN.md), so no locking. It is
 * freed by text_shutdown, which is also registered with atexit so that leak
 * checkers see a clean exit.
 *
 * libthai is given one space-delimited run at a time, and a run longer than
 * WINDOW bytes in overlapping windows: its buffers grow by small reallocs,
 * which is quadratic on one huge string (a 1 MB line took minutes). Spaces
 * are breaks anyway, and libthai's dictionary matching is local to a run. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <thai/thwchar.h>

#include "tapian/text.h"
#include "wordbreak.h"

enum { WINDOW = 8192 };

static ThBrk *breaker;
static bool breaker_failed;

static struct memo_slot *memo;

void text_shutdown(void)
{
    free(memo);
    memo = NULL;
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

typedef struct {
    size_t *v;
    size_t count, cap;
    bool failed;
} pos_vec;

static void push(pos_vec *pv, size_t off)
{
    if (pv->failed)
        return;
    if (pv->count == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 64;
        size_t *v = realloc(pv->v, cap * sizeof *v);
        if (!v) {
            pv->failed = true;
            return;
        }
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->count++] = off;
}

/* A memo of short runs: the same words come back again and again in a
 * book (names, กองทุนหมู่บ้าน, the circles' names), and libthai's
 * dictionary walk was most of the time of a text book. A run's breaks
 * depend on its bytes alone (they are strictly inside it, and so are the
 * code points that decide a cluster boundary there), so a run seen before
 * gets the same offsets without asking libthai. Direct-mapped, bounded:
 * MEMO_SLOTS runs of at most MEMO_MAX_RUN bytes (about 440 KB). */
enum { MEMO_SLOTS = 512, MEMO_MAX_RUN = 600, MEMO_MAX_BREAKS = 128 };

struct memo_slot {
    uint16_t len;                   /* 0 = empty */
    uint16_t nbrk;
    char text[MEMO_MAX_RUN];
    uint16_t brk[MEMO_MAX_BREAKS];  /* offsets from the run's start */
};

static uint32_t memo_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static struct memo_slot *memo_slot_for(const char *s, size_t n)
{
    if (n == 0 || n > MEMO_MAX_RUN)
        return NULL;
    if (!memo && !(memo = calloc(MEMO_SLOTS, sizeof *memo)))
        return NULL;
    return &memo[memo_hash(s, n) % MEMO_SLOTS];
}

static void run_libthai_uncached(ThBrk *brk, const char *s, size_t n,
                                 size_t a, size_t b, pos_vec *pv);

/* Appends libthai's breaks strictly inside [a,b) that are cluster
 * boundaries of s. */
static void run_libthai(ThBrk *brk, const char *s, size_t n, size_t a,
                        size_t b, pos_vec *pv)
{
    struct memo_slot *m = memo_slot_for(s + a, b - a);
    if (m && m->len == b - a && memcmp(m->text, s + a, b - a) == 0) {
        for (size_t i = 0; i < m->nbrk; i++)
            push(pv, a + m->brk[i]);
        return;
    }
    size_t before = pv->count;
    run_libthai_uncached(brk, s, n, a, b, pv);
    size_t found = pv->count - before;
    if (!m || pv->failed || found > MEMO_MAX_BREAKS)
        return;
    m->len = (uint16_t)(b - a);
    m->nbrk = (uint16_t)found;
    memcpy(m->text, s + a, b - a);
    for (size_t i = 0; i < found; i++)
        m->brk[i] = (uint16_t)(pv->v[before + i] - a);
}

static void run_libthai_uncached(ThBrk *brk, const char *s, size_t n,
                                 size_t a, size_t b, pos_vec *pv)
{
    size_t cps = text_codepoints(s + a, b - a);
    thwchar_t *w = malloc((cps + 1) * sizeof *w);
    size_t *at = malloc((cps + 1) * sizeof *at);
    int *pos = malloc((cps + 1) * sizeof *pos);
    if (w && at && pos) {
        size_t i = 0;
        for (size_t p = a, len; p < b; p += len) {
            uint32_t c = text_decode(s, b, p, &len);
            /* a NUL would end libthai's string early; a space breaks alike */
            w[i] = c == 0 ? L' ' : (thwchar_t)c;
            at[i++] = p;
        }
        w[i] = 0;
        int k = th_brk_wc_find_breaks(brk, w, pos, cps + 1);
        for (int j = 0; j < k; j++) {
            if (pos[j] <= 0 || (size_t)pos[j] >= cps)
                continue;
            size_t off = at[pos[j]];
            if (text_is_cluster_boundary(s, n, off))
                push(pv, off);
        }
    } else {
        pv->failed = true;
    }
    free(w);
    free(at);
    free(pos);
}

/* One run without spaces, window by window. A window that had to end
 * inside the run keeps only the breaks before its last one and the next
 * window starts at that break, so that no word is judged cut in half. */
static void break_run(ThBrk *brk, const char *s, size_t n, size_t a,
                      size_t b, pos_vec *pv)
{
    size_t t = a;
    while (t < b && !pv->failed) {
        if (b - t <= WINDOW) {
            run_libthai(brk, s, n, t, b, pv);
            return;
        }
        size_t e = t + WINDOW;
        while (e > t && ((unsigned char)s[e] & 0xC0) == 0x80)
            e--; /* a code point start */
        size_t before = pv->count;
        run_libthai(brk, s, n, t, e, pv);
        size_t found = pv->count - before;
        if (found == 0)
            t = e; /* no word in 8 KB: nothing better to do than cut */
        else if (found == 1)
            t = pv->v[pv->count - 1];
        else
            t = pv->v[--pv->count - 1]; /* drop the last, restart before */
    }
}

size_t text_word_breaks(const char *s, size_t n, size_t a, size_t b,
                        size_t **out)
{
    *out = NULL;
    if (b > n)
        b = n;
    if (a >= b)
        return 0;
    ThBrk *brk = get_breaker();
    if (!brk)
        return 0; /* no dictionary: only spaces and newlines break */
    pos_vec pv = {0};
    size_t p = a;
    while (p < b && !pv.failed) {
        size_t q = p;
        while (q < b && s[q] == ' ')
            q++;
        if (q > p && q < b && text_is_cluster_boundary(s, n, q))
            push(&pv, q); /* a word starts after spaces */
        p = q;
        while (q < b && s[q] != ' ')
            q++;
        if (q > p)
            break_run(brk, s, n, p, q, &pv);
        p = q;
    }
    if (pv.failed) {
        free(pv.v);
        return (size_t)-1;
    }
    *out = pv.v;
    return pv.count;
}
