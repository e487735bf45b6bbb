/* Fuzz target: the screen-file parser. Screen files come from a directory
 * an administrator edits by hand (--screens), so any bytes must give either
 * a screen or an error message, never a crash or a leak. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "tapian/screen.h"

int fuzz_screen_one(const uint8_t *data, size_t size)
{
    screen s;
    memset(&s, 0, sizeof s);
    char err[512];
    err[0] = '\0';
    tp_status st = screen_parse("fuzz.ini", (const char *)data, size, &s, err,
                                sizeof err);
    /* a refusal must say why */
    if (st != TP_OK && !err[0])
        __builtin_trap();
    if (st == TP_OK) {
        static const char *const roles[] = {"admin", "khun_kit"};
        (void)screen_may_view(&s, roles, 2);
        (void)screen_may_edit(&s, roles, 2);
    }
    screen_free(&s);
    return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_screen_one(data, size);
}
#endif
