/* Box-drawing and status glyphs, or ASCII. The vt100 and the bare Linux
 * console have no such glyphs (the console font lacks ◐, vt100 has none of
 * them), and without a UTF-8 locale nothing beyond ASCII can be drawn. The
 * terminal and the locale do not change while the program runs, so the
 * choice is made once, at the first drawing, and every view then agrees. */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/glyphs.h"

static const glyph_set unicode = {
    "─", "│", "┌", "┐", "└", "┘", "·", "◐", "●", "✓", "✗", "•", "‼", "◷",
};
static const glyph_set ascii = {
    "-", "|", "+", "+", "+", "+", ".", "o", "#", "+", "-", "*", "!", "~",
};

static int decided = -1; /* -1 not yet, 0 Unicode, 1 ASCII */

bool glyphs_ascii(void)
{
    if (decided < 0) {
        const char *t = getenv("TERM");
        const char *cs = nl_langinfo(CODESET);
        bool plain = t && (strcmp(t, "vt100") == 0 || strcmp(t, "linux") == 0);
        bool utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
        decided = plain || !utf8;
    }
    return decided == 1;
}

const glyph_set *glyphs(void)
{
    return glyphs_ascii() ? &ascii : &unicode;
}
