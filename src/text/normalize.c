/* NFC and the cleaning every value gets before it is stored. NFC only:
 * NFKC would turn SARA AM into NIKHAHIT + SARA AA. */
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

#include "tapian/text.h"

tp_status text_nfc(const char *s, size_t n, char **out, size_t *out_len)
{
    *out = NULL;
    if (!text_valid_utf8(s, n, NULL))
        return TP_ERR_INVALID_UTF8;
    size_t len = 0;
    uint8_t *r = NULL;
    if (n > 0) {
        r = u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len);
        if (!r)
            return TP_ERR_NOMEM;
    }
    /* u8_normalize does not NUL-terminate; make room for it. */
    char *t = realloc(r, len + 1);
    if (!t) {
        free(r);
        return TP_ERR_NOMEM;
    }
    t[len] = '\0';
    *out = t;
    if (out_len)
        *out_len = len;
    return TP_OK;
}

tp_status text_clean_for_save(const char *s, size_t n, bool keep_newlines,
                              char **out, size_t *out_len)
{
    *out = NULL;
    if (!text_valid_utf8(s, n, NULL))
        return TP_ERR_INVALID_UTF8;
    char *tmp = malloc(n + 1);
    if (!tmp)
        return TP_ERR_NOMEM;
    size_t k = 0;
    for (size_t pos = 0, len; pos < n; pos += len) {
        uint32_t c = text_decode(s, n, pos, &len);
        if (c == '\r') {
            /* CR LF and a lone CR are both one line break */
            if (pos + 1 < n && s[pos + 1] == '\n')
                continue;
            c = '\n';
        }
        if (c == '\n') {
            if (keep_newlines)
                tmp[k++] = '\n';
            continue;
        }
        bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        if (control && c != '\t')
            continue;
        memcpy(tmp + k, s + pos, len);
        k += len;
    }
    tp_status st = text_nfc(tmp, k, out, out_len);
    free(tmp);
    return st;
}
