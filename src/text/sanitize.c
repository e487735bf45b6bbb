/* Making untrusted text safe to hand to the terminal: nothing in the result
 * can start an escape sequence, change direction, or hang a mark on a cell it
 * does not belong to. */
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "tapian/text.h"

static size_t put(char *out, size_t k, uint32_t c)
{
    return k + (size_t)text_encode(c, out + k);
}

char *text_display_safe(const char *s, size_t n, bool keep_newlines,
                        size_t *out_len)
{
    /* Worst case per input byte: a lone mark becomes U+25CC + mark (6 bytes
     * for 2 bytes of input); a control byte becomes a 3-byte placeholder. */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    bool have_base = false; /* is there a cell a mark may attach to? */
    for (size_t pos = 0, len; pos < n; pos += len) {
        ucs4_t c;
        int r = u8_mbtoucr(&c, (const uint8_t *)s + pos, n - pos);
        text_decode(s, n, pos, &len);
        if (r < 0) {
            k = put(out, k, 0xFFFD);
            have_base = false;
        } else if (c == '\n' && keep_newlines) {
            out[k++] = '\n';
            have_base = false;
        } else if (c == '\n') {
            k = put(out, k, 0x2424); /* ␤ */
            have_base = false;
        } else if (c < 0x20) {
            k = put(out, k, 0x2400 + c); /* ␀ … ␟ */
            have_base = false;
        } else if (c == 0x7F) {
            k = put(out, k, 0x2421); /* ␡ */
            have_base = false;
        } else if (c >= 0x80 && c <= 0x9F) {
            /* C1: U+009B is CSI for terminals that honour 8-bit controls */
            k = put(out, k, 0xFFFD);
            have_base = false;
        } else if (uc_is_property_bidi_control(c)) {
            continue; /* dropped; the mark state is unchanged */
        } else {
            if (uc_is_general_category(c, UC_CATEGORY_M) && !have_base)
                k = put(out, k, 0x25CC);
            memcpy(out + k, s + pos, len);
            k += len;
            have_base = true;
        }
    }
    out[k] = '\0';
    if (out_len)
        *out_len = k;
    return out;
}
