/* Drawing text safely: every string goes through text_display_safe and is
 * clipped by columns (waddnwstr counts code points, not cells). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tapian/glyphs.h"
#include "tapian/text.h"
#include "tapian/ui.h"

/* Draws bytes that are already safe and clipped. */
static void put_utf8(WINDOW *w, const char *s, size_t n)
{
    wchar_t stackbuf[256];
    wchar_t *wbuf = n < 256 ? stackbuf : malloc((n + 1) * sizeof *wbuf);
    if (!wbuf)
        return;
    size_t k = 0;
    for (size_t pos = 0, len; pos < n; pos += len)
        wbuf[k++] = (wchar_t)text_decode(s, n, pos, &len);
    wbuf[k] = 0;
    waddnwstr(w, wbuf, (int)k);
    if (wbuf != stackbuf)
        free(wbuf);
}

int ui_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxcols,
            int attr)
{
    if (maxcols <= 0)
        return 0;
    size_t safe_len;
    char *safe = text_display_safe(s, n, false, &safe_len);
    if (!safe)
        return 0;
    int used = 0;
    size_t clip = text_clip(safe, safe_len, maxcols, &used);
    wattrset(w, attr);
    wmove(w, y, x);
    put_utf8(w, safe, clip);
    wattrset(w, A_NORMAL);
    free(safe);
    return used;
}

int ui_str(WINDOW *w, int y, int x, const char *s, int maxcols, int attr)
{
    return ui_text(w, y, x, s, strlen(s), maxcols, attr);
}

void ui_fill(WINDOW *w, int y, int x, int cols, int attr)
{
    if (cols <= 0)
        return;
    wattrset(w, attr);
    mvwhline(w, y, x, ' ', cols);
    wattrset(w, A_NORMAL);
}

void ui_centre(WINDOW *w, int y, int cols, const char *s, int attr)
{
    int width = text_width(s, strlen(s));
    int x = width < cols ? (cols - width) / 2 : 0;
    ui_str(w, y, x, s, cols - x, attr);
}

int ui_wrapped(WINDOW *w, int y, int x, int width, int height, const char *s,
               int attr)
{
    text_line *lines = NULL;
    size_t n = strlen(s);
    size_t count = text_wrap(s, n, width, &lines);
    int rows = 0;
    for (size_t i = 0; i < count && rows < height; i++, rows++)
        ui_text(w, y + rows, x, s + lines[i].start, lines[i].len, width, attr);
    free(lines);
    return rows;
}

void ui_frame(WINDOW *w, int y, int x, int height, int width,
              const char *title, int attr)
{
    const glyph_set *g = glyphs();
    for (int i = 0; i < height; i++)
        ui_fill(w, y + i, x, width, A_NORMAL);
    for (int i = 1; i < width - 1; i++) {
        ui_str(w, y, x + i, g->h, 1, attr);
        ui_str(w, y + height - 1, x + i, g->h, 1, attr);
    }
    for (int i = 1; i < height - 1; i++) {
        ui_str(w, y + i, x, g->v, 1, attr);
        ui_str(w, y + i, x + width - 1, g->v, 1, attr);
    }
    ui_str(w, y, x, g->tl, 1, attr);
    ui_str(w, y, x + width - 1, g->tr, 1, attr);
    ui_str(w, y + height - 1, x, g->bl, 1, attr);
    ui_str(w, y + height - 1, x + width - 1, g->br, 1, attr);
    if (title && *title)
        ui_str(w, y, x + 2, title, width - 4, attr | A_BOLD);
}
