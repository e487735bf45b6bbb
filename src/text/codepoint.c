/* UTF-8 code point decoding and encoding (libunistring). */
#include <unistr.h>

#include "tapian/text.h"

uint32_t text_decode(const char *s, size_t n, size_t pos, size_t *len)
{
    if (pos >= n) {
        if (len)
            *len = 0;
        return 0;
    }
    ucs4_t c;
    int k = u8_mbtouc(&c, (const uint8_t *)s + pos, n - pos);
    if (k < 1)
        k = 1;
    if (len)
        *len = (size_t)k;
    return (uint32_t)c;
}

int text_encode(uint32_t c, char out[4])
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    int k = u8_uctomb((uint8_t *)out, (ucs4_t)c, 4);
    return k < 0 ? 0 : k;
}

size_t text_codepoints(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t pos = 0, len; pos < n; pos += len) {
        text_decode(s, n, pos, &len);
        count++;
    }
    return count;
}
