/* Thai dictionary order: libthai's th_strxfrm works on TIS-620, so the
 * text is converted first. Code points outside TIS-620 cannot take part in
 * the Thai comparison; they become a high placeholder and ties are broken
 * by code point so that the order stays total.
 *
 * text_collate compares the sort keys rather than calling th_strcoll:
 * th_strcoll does not agree with its own th_strxfrm on ignorable
 * characters ("" < " " by th_strcoll, the other way round by the
 * transform), and stored keys (indexed list order) and in-memory order
 * must be one and the same. */
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

/* th_strxfrm of the TIS-620 form (malloc'd, *len bytes; it may hold 0
 * bytes between its levels). */
static unsigned char *xfrm(const char *s, size_t n, size_t *len)
{
    unsigned char stack[256];
    unsigned char *tis = to_tis(s, n, stack, sizeof stack);
    if (!tis)
        return NULL;
    size_t cap = 4 * n + 16;
    unsigned char *out = NULL;
    for (;;) {
        unsigned char *grown = realloc(out, cap);
        if (!grown) {
            free(out);
            out = NULL;
            break;
        }
        out = grown;
        *len = th_strxfrm(out, tis, cap);
        if (*len < cap)
            break;
        cap = *len + 1;
    }
    if (tis != stack)
        free(tis);
    return out;
}

/* Key = the th_strxfrm bytes escaped so that none is 0 (b -> b+1, 0xFF ->
 * 0xFF 0x01: prefix-free and order-keeping), a 0 byte, then every code
 * point as three big-endian bytes. The 0 ends the Thai part, so a Thai
 * part that is a prefix of another sorts first, as in th_strcoll; equal
 * Thai parts fall to the code points, as in codepoint_cmp. */
char *text_sort_key(const char *s, size_t n, size_t *len)
{
    size_t xn;
    unsigned char *x = xfrm(s, n, &xn);
    if (!x)
        return NULL;
    unsigned char *out = malloc(2 * xn + 1 + 3 * n);
    if (!out) {
        free(x);
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < xn; i++) {
        if (x[i] == 0xFF) {
            out[k++] = 0xFF;
            out[k++] = 0x01;
        } else {
            out[k++] = (unsigned char)(x[i] + 1);
        }
    }
    free(x);
    out[k++] = 0;
    for (size_t pos = 0, l; pos < n; pos += l) {
        uint32_t c = text_decode(s, n, pos, &l);
        out[k++] = (unsigned char)(c >> 16);
        out[k++] = (unsigned char)(c >> 8);
        out[k++] = (unsigned char)c;
    }
    *len = k;
    return (char *)out;
}

int text_collate(const char *a, size_t an, const char *b, size_t bn)
{
    size_t ka, kb;
    char *x = text_sort_key(a, an, &ka);
    char *y = text_sort_key(b, bn, &kb);
    int r = 0;
    if (x && y) {
        r = memcmp(x, y, ka < kb ? ka : kb);
        if (r == 0)
            r = (ka > kb) - (ka < kb);
    }
    free(x);
    free(y);
    return (r > 0) - (r < 0);
}
