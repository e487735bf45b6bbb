/* Width and grapheme clusters.
 *
 * Clusters follow libunistring's rule (uc_is_grapheme_break) applied to the
 * code points that text_decode sees. u8_grapheme_next/prev apply the same
 * rule but u8_grapheme_prev dereferences NULL on a trailing invalid byte and
 * jumps to the start on an earlier one, so the stepping is done here, where
 * invalid bytes are U+FFFD exactly as text_decode reports them. */
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "tapian/text.h"

int text_width(const char *s, size_t n)
{
    return u8_width((const uint8_t *)s, n, "UTF-8");
}

static bool is_lead(unsigned char b)
{
    return (b & 0xC0) != 0x80;
}

size_t text_prev_codepoint(const char *s, size_t n, size_t pos)
{
    if (pos > n)
        pos = n;
    if (pos == 0)
        return 0;
    /* The farthest start within 4 bytes whose decoded length ends exactly
     * at pos is the code point that forward decoding would have found. */
    size_t from = pos > 4 ? pos - 4 : 0;
    for (size_t q = from; q < pos; q++) {
        if (!is_lead((unsigned char)s[q]) && q != pos - 1)
            continue;
        size_t len;
        text_decode(s, n, q, &len);
        if (q + len == pos)
            return q;
    }
    return pos - 1;
}

size_t text_next_cluster(const char *s, size_t n, size_t pos)
{
    if (pos >= n)
        return n;
    size_t len;
    uint32_t prev = text_decode(s, n, pos, &len);
    pos += len;
    while (pos < n) {
        uint32_t c = text_decode(s, n, pos, &len);
        if (uc_is_grapheme_break(prev, c))
            break;
        prev = c;
        pos += len;
    }
    return pos;
}

size_t text_prev_cluster(const char *s, size_t n, size_t pos)
{
    if (pos > n)
        pos = n;
    if (pos == 0)
        return 0;
    pos = text_prev_codepoint(s, n, pos);
    uint32_t next = text_decode(s, n, pos, NULL);
    while (pos > 0) {
        size_t q = text_prev_codepoint(s, n, pos);
        uint32_t c = text_decode(s, n, q, NULL);
        if (uc_is_grapheme_break(c, next))
            break;
        next = c;
        pos = q;
    }
    return pos;
}

bool text_is_cluster_boundary(const char *s, size_t n, size_t pos)
{
    if (pos == 0 || pos >= n)
        return pos <= n;
    size_t q = text_prev_codepoint(s, n, pos);
    size_t len;
    text_decode(s, n, q, &len);
    if (q + len != pos)
        return false; /* inside a code point */
    return uc_is_grapheme_break(text_decode(s, n, q, NULL),
                                text_decode(s, n, pos, NULL));
}

size_t text_clusters(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t pos = 0; pos < n; pos = text_next_cluster(s, n, pos))
        count++;
    return count;
}
