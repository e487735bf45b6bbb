/* glyphs — the line and status characters the drawn views (the fish, the
 * six-step board) use, Unicode or their ASCII stand-ins. */
#ifndef TAPIAN_GLYPHS_H
#define TAPIAN_GLYPHS_H

#include <stdbool.h>

typedef struct {
    const char *h, *v;                 /* ─ │ */
    const char *tl, *tr, *bl, *br;     /* ┌ ┐ └ ┘ */
    const char *not_started;           /* · */
    const char *in_progress;           /* ◐  (ASCII o) */
    const char *reached;               /* ●  (ASCII #) */
    const char *yes, *no;              /* ✓ ✗ (ASCII + -) */
    const char *today;                 /* •  (ASCII *) the calendars' today */
    const char *clash;                 /* ‼  (ASCII !) two places, one day */
    const char *overdue;               /* ◷  (ASCII ~) past and not done */
} glyph_set;

/* True when the terminal is vt100 or linux, or the locale is not UTF-8:
 * decided at the first call and kept for the session. */
bool glyphs_ascii(void);
const glyph_set *glyphs(void);

#endif
