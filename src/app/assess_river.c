/* The river diagram of the self-assessment: competences across, levels 1-5
 * up, one line per group, so that a line running high where another runs
 * low shows who could learn from whom. Box characters, or - | + on the
 * terminals chart_detect finds without them. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "tapian/chart.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define LEVELS 5
#define LABEL_W 4 /* "5 │" */

enum { G_H, G_V, G_UP_FROM, G_UP_TO, G_DOWN_FROM, G_DOWN_TO, G_COUNT };

static const char *glyph(int g)
{
    static const char *const box[G_COUNT] = {"─", "│", "┘", "┌", "┐", "└"};
    static const char *const asc[G_COUNT] = {"-", "|", "+", "+", "+", "+"};
    return (chart_style_now() == CHART_ASCII ? asc : box)[g];
}

static char letter(int i)
{
    return (char)(i < 26 ? 'A' + i : 'a' + (i - 26) % 26);
}

/* Screen row of a level (5 at the top, one blank row between levels). */
static int row_of(int top, int level)
{
    return top + (LEVELS - level) * 2;
}

static void put(int y, int x, const char *s, int attr)
{
    ui_str(stdscr, y, x, s, 1, attr);
}

/* One subject's line: flat runs, and at the middle between two
 * competences a turn up or down. Columns without a rating are skipped. */
static void draw_line(const assess_data *d, int subj, int top, int x0, int step,
                      int attr)
{
    const assess_subject *s = &d->subj[subj];
    int prev = -1;
    for (int c = 0; c < d->n_comp; c++) {
        if (!s->cur[c])
            continue;
        if (prev >= 0) {
            int xa = x0 + prev * step, xb = x0 + c * step;
            int ya = row_of(top, s->cur[prev]), yb = row_of(top, s->cur[c]);
            int mid = (xa + xb) / 2;
            for (int x = xa + 1; x < xb; x++)
                put(x < mid ? ya : yb, x, glyph(G_H), attr);
            if (ya != yb) {
                bool up = yb < ya;
                put(ya, mid, glyph(up ? G_UP_FROM : G_DOWN_FROM), attr);
                for (int y = (up ? yb : ya) + 1; y < (up ? ya : yb); y++)
                    put(y, mid, glyph(G_V), attr);
                put(yb, mid, glyph(up ? G_UP_TO : G_DOWN_TO), attr);
            }
        }
        prev = c;
    }
    char l[2] = {letter(subj), '\0'};
    for (int c = 0; c < d->n_comp; c++)
        if (s->cur[c])
            put(row_of(top, s->cur[c]), x0 + c * step, l, attr | A_BOLD);
}

void assess_draw_river(const assess_data *d, int selected, int top, int height,
                       int cols)
{
    if (d->n_comp == 0 || height < LEVELS * 2 + 2)
        return;
    int step = (cols - LABEL_W - 4) / d->n_comp;
    if (step < 3)
        step = 3;
    int x0 = LABEL_W + 2 + step / 2;
    for (int lv = LEVELS; lv >= 1; lv--) {
        char n[16];
        snprintf(n, sizeof n, "%d", lv);
        ui_str(stdscr, row_of(top, lv), 1, n, 2, term_attr_of(TA_LABEL));
        put(row_of(top, lv), LABEL_W - 1, glyph(G_V), term_attr_of(TA_LABEL));
    }
    for (int i = 0; i < d->n_subj; i++)
        if (i != selected)
            draw_line(d, i, top, x0, step, A_NORMAL);
    if (selected >= 0 && selected < d->n_subj)
        draw_line(d, selected, top, x0, step, term_attr_of(TA_SELECTED));
    /* competence names under their columns, clipped to the column */
    int y = row_of(top, 1) + 1;
    for (int c = 0; c < d->n_comp; c++) {
        char num[16];
        snprintf(num, sizeof num, "%d", c + 1);
        ui_str(stdscr, y, x0 + c * step, num, 2, A_UNDERLINE);
    }
    /* legend: the competences by number, then the groups by letter */
    int x = 2;
    y++;
    for (int c = 0; c < d->n_comp && y < top + height; c++) {
        char item[200];
        snprintf(item, sizeof item, "%d %s", c + 1, d->comp[c]);
        char *clip = text_clip_copy(item, strlen(item), cols / 2 - 3, true);
        ui_str(stdscr, y + c / 2, c % 2 ? cols / 2 : x, clip ? clip : item,
               cols / 2 - 3, A_NORMAL);
        free(clip);
    }
    y += (d->n_comp + 1) / 2;
    for (int i = 0; i < d->n_subj && y + i / 2 < top + height; i++) {
        char item[200];
        snprintf(item, sizeof item, "%c %s", letter(i), d->subj[i].name);
        char *clip = text_clip_copy(item, strlen(item), cols / 2 - 3, true);
        ui_str(stdscr, y + i / 2, i % 2 ? cols / 2 : x, clip ? clip : item,
               cols / 2 - 3, i == selected ? term_attr_of(TA_SELECTED) : (int)A_NORMAL);
        free(clip);
    }
}
