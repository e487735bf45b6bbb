/* The built-in Thai keyboard (Kedmanee, TIS 820-2531) for machines without a
 * Thai input method. The table is generated from Debian's xkb data by
 * src/keymap/gen-kedmanee.sh; its output is committed. */
#ifndef TAPIAN_KEYMAP_H
#define TAPIAN_KEYMAP_H
#include <stdint.h>

/* The Thai character at the key that types the printable ASCII character c
 * on a US layout (shift included), or 0 when the key has none. */
uint32_t keymap_kedmanee(uint32_t c);

#endif
