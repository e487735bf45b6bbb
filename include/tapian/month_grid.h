/* month_grid — one month drawn as a grid of days, weeks from Sunday as Thai
 * calendars print them: a title (Thai month and Buddhist-era year, or the
 * English month with both years), weekday heads and six week rows, so the
 * grid keeps its size from month to month. The calendar picker of date
 * fields and the field-visit month view both draw with it. */
#ifndef TAPIAN_MONTH_GRID_H
#define TAPIAN_MONTH_GRID_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "tapian/text.h"

#define MONTH_GRID_ROWS 8 /* title, weekday heads, six weeks */

/* What the grid's owner says about one day. */
typedef struct {
    bool out_of_range;   /* dimmed; the owner keeps the cursor off it */
    bool warn;           /* drawn in the error colour (give a glyph too) */
    char mark[16];       /* after the day, at most cell - 4 columns */
} month_day;

typedef void (*month_day_fn)(void *ctx, text_date day, month_day *out);

typedef struct {
    text_date selected;  /* the cursor; its month is the one drawn */
    text_date today;
    bool english;
    int cell;            /* columns per day, at least 4 */
    month_day_fn day;    /* may be NULL */
    void *ctx;
} month_grid;

/* "ตุลาคม 2548" or "October 2005 (BE 2548)". */
void month_grid_title(int year, int month, bool english, char *buf,
                      size_t size);
/* "11 ตุลาคม 2548" or "11 October 2005". */
void month_grid_day_title(text_date d, bool english, char *buf, size_t size);
/* Columns the grid takes: 7 cells. */
int month_grid_width(const month_grid *g);
/* Row (0-5) and column (0-6) of a day of the drawn month. */
void month_grid_position(text_date d, int *week, int *weekday);
/* The moves every month grid takes: ← → a day, ↑ ↓ a week, PgUp/PgDn a
 * month, Home/End a year. False (d unchanged) for another key. */
bool month_grid_move(text_date *d, int key);
/* Draws the grid with its top-left corner at (y, x) in at most height rows
 * (the title and the heads go first when rows run short); *cy, *cx get the
 * selected day's place. Returns the rows used. */
int month_grid_draw(WINDOW *w, int y, int x, int height, const month_grid *g,
                    int *cy, int *cx);

#endif
