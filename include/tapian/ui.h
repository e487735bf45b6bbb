/* ui — drawing helpers shared by the views. Text is always drawn through
 * here: made safe for the terminal, clipped by display width, never split
 * inside a cluster. */
#ifndef TAPIAN_UI_H
#define TAPIAN_UI_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "tapian/field.h"
#include "tapian/term.h"

/* Draws s at (y, x) in at most maxcols columns with attr; returns the
 * columns used. */
int ui_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxcols,
            int attr);
/* The same for a NUL-terminated string. */
int ui_str(WINDOW *w, int y, int x, const char *s, int maxcols, int attr);
/* Fills cols cells from (y, x) with blanks in attr. */
void ui_fill(WINDOW *w, int y, int x, int cols, int attr);
/* Draws s centred on row y of a window cols wide. */
void ui_centre(WINDOW *w, int y, int cols, const char *s, int attr);
/* Draws s wrapped at width from (y, x) in at most height rows; returns the
 * rows used. */
int ui_wrapped(WINDOW *w, int y, int x, int width, int height, const char *s,
               int attr);

/* Blanks the box (y, x, height, width) and draws a frame round it with the
 * line glyphs (glyphs.h), the title on its top edge. */
void ui_frame(WINDOW *w, int y, int x, int height, int width,
              const char *title, int attr);

/* Draws a field editor in the box (y, x, width, height); a single-line field
 * uses one row. When focused, *cy and *cx get the screen position of the
 * cursor. */
void field_view_draw(WINDOW *w, field *f, int y, int x, int width, int height,
                     bool focused, int *cy, int *cx);

#endif
