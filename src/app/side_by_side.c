/* Drawing two versions of a record side by side (side_by_side.h). */
#include <curses.h>
#include <string.h>

#include "side_by_side.h"
#include "tapian/keymap.h"
#include "tapian/term.h"
#include "tapian/ui.h"

#define LABEL_COLS 20

static bool differ(const struct side_row *r)
{
    const char *l = r->left ? r->left : "", *rt = r->right ? r->right : "";
    return strcmp(l, rt) != 0;
}

size_t side_by_side_draw(int y, int bottom, int cols, const char *left_head,
                         const char *right_head, const struct side_row *rows,
                         size_t n, size_t first)
{
    int x = LABEL_COLS + 2, half = (cols - x) / 2;
    ui_str(stdscr, y, x, left_head, half - 1, A_BOLD | A_UNDERLINE);
    ui_str(stdscr, y, x + half, right_head, half - 1, A_BOLD | A_UNDERLINE);
    size_t drawn = 0;
    for (size_t i = first; i < n && ++y < bottom; i++, drawn++) {
        const struct side_row *r = &rows[i];
        bool d = differ(r);
        int attr = d ? (int)A_BOLD : (int)A_NORMAL;
        /* the mark is a character, so it shows in monochrome too */
        ui_str(stdscr, y, 0, d ? "≠" : " ", 1, term_attr_of(TA_ERROR));
        ui_str(stdscr, y, 1, r->label, LABEL_COLS,
               d ? term_attr_of(TA_ERROR) : term_attr_of(TA_LABEL));
        ui_str(stdscr, y, x, r->left ? r->left : "", half - 1, attr);
        ui_str(stdscr, y, x + half, r->right ? r->right : "", half - 1, attr);
    }
    return drawn;
}

bool side_key(uint32_t ch, char k)
{
    return ch == (uint32_t)k || ch == keymap_kedmanee((uint32_t)k);
}
