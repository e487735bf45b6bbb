/* Thai input sequence checking (WTT 2.0) through libthai.
 *
 * libthai's wide-character variants are not exported by libthai.so.0, so the
 * context before the cursor is converted to TIS-620 and the narrow
 * th_prev_cell / th_validate_leveled are used. */
#include <string.h>

#include <thai/thcell.h>
#include <thai/thinp.h>
#include <thai/thwchar.h>

#include "tapian/text.h"

/* A cell is a base, a vowel/mark, a tone and SARA AM at most; a few more
 * code points of context do no harm. */
enum { CONTEXT = 8 };

static bool is_thai(uint32_t c)
{
    return c >= 0x0E01 && c <= 0x0E5B && th_uni2tis((thwchar_t)c) != THCHAR_ERR;
}

static text_isc_result accept(uint32_t c, size_t *del, char repl[32])
{
    int k = text_encode(c, repl);
    repl[k] = '\0';
    *del = 0;
    return TEXT_ISC_ACCEPT;
}

text_isc_result text_isc_check(const char *s, size_t n, size_t cursor,
                               uint32_t c, size_t *del, char repl[32])
{
    if (cursor > n)
        cursor = n;
    if (!is_thai(c))
        return accept(c, del, repl);

    /* the last CONTEXT code points before the cursor, oldest first */
    size_t at[CONTEXT + 1];
    thchar_t tis[CONTEXT + 1];
    size_t count = 0, p = cursor;
    while (p > 0 && count < CONTEXT) {
        p = text_prev_codepoint(s, n, p);
        at[CONTEXT - 1 - count++] = p;
    }
    size_t first = CONTEXT - count;
    for (size_t i = 0; i < count; i++) {
        uint32_t u = text_decode(s, n, at[first + i], NULL);
        thchar_t t = u < 0x80 || is_thai(u) ? th_uni2tis((thwchar_t)u)
                                             : THCHAR_ERR;
        /* anything libthai does not know is a non-Thai base: '?' */
        tis[i] = t == THCHAR_ERR || t == 0 ? (thchar_t)'?' : t;
    }
    tis[count] = 0;

    struct thcell_t cell;
    th_init_cell(&cell);
    /* SARA AM decomposed, so that a tone typed after นำ becomes น้ำ */
    th_prev_cell(tis, count, &cell, 1);
    struct thinpconv_t conv;
    memset(&conv, 0, sizeof conv);
    if (!th_validate_leveled(cell, th_uni2tis((thwchar_t)c), &conv,
                             ISC_BASICCHECK))
        return TEXT_ISC_REJECT;
    if (conv.offset == 0 && th_tis2uni(conv.conv[0]) == (thwchar_t)c &&
        conv.conv[1] == 0)
        return accept(c, del, repl);

    size_t back = (size_t)-conv.offset;
    if (back > count)
        return TEXT_ISC_REJECT; /* cannot happen: the cell is in context */
    *del = cursor - (back ? at[CONTEXT - back] : cursor);
    size_t k = 0;
    for (size_t i = 0; i < sizeof conv.conv && conv.conv[i]; i++)
        k += (size_t)text_encode((uint32_t)th_tis2uni(conv.conv[i]), repl + k);
    repl[k] = '\0';
    return TEXT_ISC_CORRECT;
}
