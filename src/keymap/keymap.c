/* The built-in Kedmanee keyboard: a lookup in the generated table.
 *
 * Keys whose Kedmanee character is ASCII punctuation (2 → '/', 3 → '-',
 * Shift+1 → '+', Shift+W → '"' ...) return that character: this is what a
 * Thai typist's fingers expect at those keys, and Kedmanee has no other place
 * for them. */
#include "tapian/keymap.h"

#include "kedmanee_table.h"

/* The grave key is the Thai/English toggle that Thai typists know from
 * Windows, so tapian reads it as the toggle rather than as Kedmanee's '_' at
 * that key. Shift+grave still gives Kedmanee's '%'. */
#define KEYMAP_TOGGLE_KEY '`'

uint32_t keymap_kedmanee(uint32_t c)
{
    if (c < KEDMANEE_FIRST || c > KEDMANEE_LAST || c == KEYMAP_TOGGLE_KEY)
        return 0;
    return kedmanee_table[c - KEDMANEE_FIRST];
}
