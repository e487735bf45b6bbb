/* Private to the keymap module: the generated Kedmanee table. */
#ifndef TAPIAN_KEDMANEE_TABLE_H
#define TAPIAN_KEDMANEE_TABLE_H
#include <stdint.h>

#define KEDMANEE_FIRST 0x20 /* space: the first printable ASCII character */
#define KEDMANEE_LAST 0x7E  /* tilde: the last */

/* kedmanee_table[c - KEDMANEE_FIRST]: what the key that types ASCII c on a
 * US layout types on Kedmanee (same shift state); 0 for none. Written by
 * gen-kedmanee.sh into kedmanee_table.c. */
extern const uint32_t kedmanee_table[KEDMANEE_LAST - KEDMANEE_FIRST + 1];

#endif
