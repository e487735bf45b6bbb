/* The built-in Thai keyboard (Kedmanee, TIS 820-2531) for machines without a
 * Thai input method. The table is generated from Debian's xkb data by
 * src/keymap/gen-kedmanee.sh; its output is committed. */
#ifndef TAPIAN_KEYMAP_H
#define TAPIAN_KEYMAP_H
#include <stdint.h>

/* What Kedmanee types at the key that gives the printable ASCII character c
 * on a US layout (shift included): a Thai character, or the ASCII
 * punctuation Kedmanee keeps at a few keys (2 gives /, 3 gives -). 0 for the
 * grave key (the Thai/English toggle), space and anything else. */
uint32_t keymap_kedmanee(uint32_t c);

#endif
