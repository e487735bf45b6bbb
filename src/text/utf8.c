/* UTF-8 validation and repair (libunistring's strict checker: overlongs,
 * surrogates and code points above U+10FFFF are invalid). */
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "tapian/text.h"

bool text_valid_utf8(const char *s, size_t n, size_t *bad)
{
    const uint8_t *u = (const uint8_t *)s;
    const uint8_t *p = u8_check(u, n);
    if (!p)
        return true;
    if (bad)
        *bad = (size_t)(p - u);
    return false;
}

char *text_repair_utf8(const char *s, size_t n, size_t *out_len)
{
    /* Each invalid sequence (1-3 bytes) becomes U+FFFD (3 bytes): at most
     * three times the input. */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t pos = 0, len; pos < n; pos += len) {
        ucs4_t c;
        int r = u8_mbtoucr(&c, (const uint8_t *)s + pos, n - pos);
        text_decode(s, n, pos, &len); /* the same step as everyone else */
        if (r < 0) {
            memcpy(out + k, "\xEF\xBF\xBD", 3);
            k += 3;
        } else {
            memcpy(out + k, s + pos, len);
            k += len;
        }
    }
    out[k] = '\0';
    if (out_len)
        *out_len = k;
    return out;
}
