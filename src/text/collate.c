/* Thai dictionary order: libthai's th_strcoll works on TIS-620, so both
 * strings are converted first. Code points outside TIS-620 cannot take part
 * in the Thai comparison; they become a high placeholder and ties are broken
 * by code point so that the order stays total. */
#include <stdlib.h>
#include <string.h>

#include <thai/thcoll.h>
#include <thai/thwchar.h>

#include "tapian/text.h"

/* Converts to NUL-terminated TIS-620; unknown code points become 0xFF
 * (unassigned in TIS-620, sorts after the Thai letters). */
static unsigned char *to_tis(const char *s, size_t n, unsigned char *stack,
                             size_t stack_size)
{
    unsigned char *out = n + 1 <= stack_size ? stack : malloc(n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t pos = 0, len; pos < n; pos += len) {
        uint32_t c = text_decode(s, n, pos, &len);
        if (c == 0)
            break;
        thchar_t t = th_uni2tis((thwchar_t)c);
        out[k++] = t == THCHAR_ERR ? 0xFF : t;
    }
    out[k] = 0;
    return out;
}

static int codepoint_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    size_t pa = 0, pb = 0, la, lb;
    while (pa < an && pb < bn) {
        uint32_t ca = text_decode(a, an, pa, &la);
        uint32_t cb = text_decode(b, bn, pb, &lb);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        pa += la;
        pb += lb;
    }
    return (pa < an) - (pb < bn);
}

int text_collate(const char *a, size_t an, const char *b, size_t bn)
{
    unsigned char sa[256], sb[256];
    unsigned char *ta = to_tis(a, an, sa, sizeof sa);
    unsigned char *tb = to_tis(b, bn, sb, sizeof sb);
    int r;
    if (ta && tb)
        r = th_strcoll(ta, tb);
    else
        r = 0;
    if (ta != sa)
        free(ta);
    if (tb != sb)
        free(tb);
    if (r != 0)
        return r < 0 ? -1 : 1;
    return codepoint_cmp(a, an, b, bn);
}
