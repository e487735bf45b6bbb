/* Drawing a field editor: the model (field.c) decides what is visible; this
 * only paints it and places the cursor. */
#include <stdlib.h>

#include "tapian/text.h"
#include "tapian/ui.h"

void field_view_draw(WINDOW *w, field *f, int y, int x, int width, int height,
                     bool focused, int *cy, int *cx)
{
    int attr = term_attr_of(focused ? TA_FIELD_FOCUS : TA_FIELD);
    /* The focused field's text is drawn in the terminal's own colours and
     * only the room left keeps the field colour: ncurses resets attributes
     * at the end of every update, so coloured text would cost about 25
     * bytes of colour changes around each typed character (3 bytes) on a
     * slow link (docs/PERFORMANCE.md, "Bytes on the terminal"). */
    int tattr = focused ? (int)A_NORMAL : attr;
    if (!f->multiline || height <= 1) {
        int ccol = 0;
        size_t start = field_layout_single(f, width, &ccol);
        ui_fill(w, y, x, width, attr);
        ui_text(w, y, x, f->buf + start, f->len - start, width, tattr);
        if (focused && cy && cx) {
            *cy = y;
            *cx = x + ccol;
        }
        return;
    }
    int cline = 0, ccol = 0;
    field_layout_multi(f, width, height, &cline, &ccol);
    text_line *lines = NULL;
    size_t count = text_wrap(f->buf, f->len, width, &lines);
    for (int row = 0; row < height; row++) {
        ui_fill(w, y + row, x, width, attr);
        size_t i = (size_t)(f->scroll_line + row);
        if (lines && i < count)
            ui_text(w, y + row, x, f->buf + lines[i].start, lines[i].len,
                    width, tattr);
    }
    free(lines);
    if (focused && cy && cx) {
        *cy = y + cline;
        *cx = x + ccol;
    }
}
