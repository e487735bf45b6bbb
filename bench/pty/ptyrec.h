/* The pty recorder (bench/pty/ptyrec.c): shared between the main loop and
 * the key-script reader. */
#ifndef PTYREC_H
#define PTYREC_H

#include <stddef.h>

/* One keystroke as the terminal would send it. */
typedef struct {
    char bytes[32];
    size_t len;
} rec_key;

/* Splits TEXT into keystrokes: each UTF-8 code point is one keystroke (an
 * input method sends Thai marks one by one), <Name> is a named key looked
 * up in terminfo for $TERM, <Name*N> repeats it. Returns the number of keys
 * stored in OUT (at most MAX), or -1 with a message on stderr. */
int rec_parse_keys(const char *text, rec_key *out, int max);

#endif
