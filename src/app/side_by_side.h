/* Two versions of a record side by side, field by field, differences
 * marked: the form's "changed by someone else" view and the sync
 * conflicts screen both draw with it. */
#ifndef TAPIAN_SIDE_BY_SIDE_H
#define TAPIAN_SIDE_BY_SIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct side_row {
    const char *label;
    const char *left, *right; /* as shown; NULL = empty */
};

/* Draws the two headings on row y and the rows below them, from row first
 * on, down to row bottom (exclusive), in cols columns. A row whose sides
 * differ has its label marked with ≠ (and the error colour) and its values
 * in bold, so the difference shows without colour too. Returns how many
 * rows were drawn. */
size_t side_by_side_draw(int y, int bottom, int cols, const char *left_head,
                         const char *right_head, const struct side_row *rows,
                         size_t n, size_t first);

/* Whether the typed character is key k, with the built-in Thai keyboard on
 * or off. */
bool side_key(uint32_t ch, char k);

#endif
