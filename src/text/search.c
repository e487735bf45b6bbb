/* Substring search as people expect it: both sides NFC (so marks typed in
 * another order still match) and ASCII letters without case. */
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

static void ascii_lower(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            s[i] = (char)(s[i] - 'A' + 'a');
}

/* NFC and lower-cased copy; NULL for invalid UTF-8 or no memory. */
static char *search_form(const char *s, size_t n, size_t *len)
{
    char *out = NULL;
    if (text_nfc(s, n, &out, len) != TP_OK)
        return NULL;
    ascii_lower(out, *len);
    return out;
}

size_t text_find(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0)
        return 0;
    size_t hl, nl;
    char *h = search_form(hay, hn, &hl);
    char *k = search_form(needle, nn, &nl);
    size_t at = (size_t)-1;
    if (h && k && nl <= hl) {
        for (size_t i = 0; i + nl <= hl; i++) {
            /* a match must start and end on cluster boundaries: ก does not
             * match inside กุ้ง's cluster if the needle is a lone mark */
            if (memcmp(h + i, k, nl) == 0 && text_is_cluster_boundary(h, hl, i)) {
                at = i;
                break;
            }
        }
    }
    free(h);
    free(k);
    return at;
}

bool text_contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
    return text_find(hay, hn, needle, nn) != (size_t)-1;
}
