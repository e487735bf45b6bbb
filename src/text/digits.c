/* ASCII digits <-> Thai digits (U+0E50-U+0E59); everything else is copied. */
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

char *text_convert_digits(const char *s, size_t n, bool to_thai,
                          size_t *out_len)
{
    /* an ASCII digit (1 byte) becomes 3 bytes */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc((to_thai ? n * 3 : n) + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t pos = 0, len; pos < n; pos += len) {
        uint32_t c = text_decode(s, n, pos, &len);
        if (to_thai && c >= '0' && c <= '9') {
            k += (size_t)text_encode(0x0E50 + (c - '0'), out + k);
        } else if (!to_thai && c >= 0x0E50 && c <= 0x0E59) {
            out[k++] = (char)('0' + (c - 0x0E50));
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
