/* A line of text around a search hit, for result lists. */
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

static const char ELLIPSIS[] = "\xe2\x80\xa6"; /* … */

/* Width of one cluster of a line without newlines or tabs. */
static int cluster_width(const char *s, size_t from, size_t to)
{
    return text_width(s + from, to - from);
}

char *text_snippet(const char *s, size_t n, size_t match, size_t match_len,
                   int cols, size_t *hit, size_t *hit_len)
{
    *hit = *hit_len = 0;
    /* one line: whitespace controls become spaces (same byte length) */
    char *line = malloc(n + 1);
    if (!line)
        return NULL;
    for (size_t i = 0; i < n; i++)
        line[i] = (s[i] == '\n' || s[i] == '\t' || s[i] == '\r') ? ' ' : s[i];
    line[n] = '\0';
    if (match > n)
        match = n;
    if (match_len > n - match)
        match_len = n - match;
    /* widen the match to whole clusters */
    size_t ms = text_is_cluster_boundary(line, n, match)
                    ? match : text_prev_cluster(line, n, match);
    size_t me = match + match_len;
    if (!text_is_cluster_boundary(line, n, me))
        me = text_next_cluster(line, n, me);
    /* two columns kept for the ellipses unless the whole line fits */
    int avail = cols;
    if (text_width(line, n) > cols)
        avail = cols - 2;
    if (avail < 1)
        avail = cols > 0 ? cols : 0;
    /* the match itself, cut at a cluster when too wide */
    int used = 0;
    size_t re = ms;
    while (re < me) {
        size_t nx = text_next_cluster(line, n, re);
        int w = cluster_width(line, re, nx);
        if (used + w > avail)
            break;
        used += w;
        re = nx;
    }
    size_t shown_me = re;
    /* about a third of the room before the match, the rest after it */
    int before = (avail - used) / 3, wb = 0;
    size_t ls = ms;
    while (ls > 0) {
        size_t pv = text_prev_cluster(line, n, ls);
        int w = cluster_width(line, pv, ls);
        if (wb + w > before)
            break;
        wb += w;
        ls = pv;
    }
    used += wb;
    if (shown_me == me) {
        while (re < n) {
            size_t nx = text_next_cluster(line, n, re);
            int w = cluster_width(line, re, nx);
            if (used + w > avail)
                break;
            used += w;
            re = nx;
        }
    }
    bool left = ls > 0, right = re < n;
    size_t el = sizeof ELLIPSIS - 1;
    char *out = malloc(2 * el + (re - ls) + 1);
    if (!out) {
        free(line);
        return NULL;
    }
    size_t o = 0;
    if (left) {
        memcpy(out, ELLIPSIS, el);
        o = el;
    }
    *hit = o + (ms - ls);
    *hit_len = shown_me - ms;
    memcpy(out + o, line + ls, re - ls);
    o += re - ls;
    if (right) {
        memcpy(out + o, ELLIPSIS, el);
        o += el;
    }
    out[o] = '\0';
    free(line);
    return out;
}
