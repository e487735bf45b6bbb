/* Fuzz target: the text module on arbitrary bytes (typed, pasted, imported
 * or planted in the database). The first byte chooses options; the rest is
 * the text. Besides memory errors it checks the promises the views rely on:
 * repaired and display-safe text is valid UTF-8 without raw controls. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tapian/text.h"

#define CHECK(c) do { if (!(c)) __builtin_trap(); } while (0)

/* Nothing that a terminal would act on: no C0 but newline (when kept), no
 * DEL, no C1 (U+0080..U+009F, encoded C2 80..C2 9F). */
static bool display_safe(const char *s, size_t n, bool keep_newlines)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && !(keep_newlines && c == '\n')) || c == 0x7f)
            return false;
        if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0)
            return false;
    }
    return true;
}

int fuzz_text_one(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned opt = data[0];
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    bool keep_nl = opt & 1;

    (void)text_valid_utf8(s, n, NULL);
    size_t rn = 0;
    char *r = text_repair_utf8(s, n, &rn);
    if (!r)
        return 0;
    CHECK(text_valid_utf8(r, rn, NULL));

    char *clean = NULL;
    size_t cn = 0;
    if (text_clean_for_save(r, rn, keep_nl, &clean, &cn) == TP_OK)
        CHECK(text_valid_utf8(clean, cn, NULL));
    free(clean);

    size_t dn = 0;
    char *d = text_display_safe(s, n, keep_nl, &dn);
    if (d) {
        CHECK(text_valid_utf8(d, dn, NULL));
        CHECK(display_safe(d, dn, keep_nl));
    }
    free(d);

    text_line *lines = NULL;
    int width = 1 + (int)(opt >> 1) % 100;
    size_t nl = text_wrap(r, rn, width, &lines);
    for (size_t i = 0; i < nl; i++)
        CHECK(lines[i].start + lines[i].len <= rn);
    free(lines);

    /* a Thai character typed at the end of the text */
    size_t del = 0;
    char repl[32];
    uint32_t c = 0x0e01 + (opt % 0x5b);
    (void)text_isc_check(r, rn, rn, c, &del, repl);
    CHECK(del <= rn);
    free(r);
    return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_text_one(data, size);
}
#endif
