/* Drawing the fish: the tail (what the group already knows) on the left, the
 * body (the sharing) in the middle, the head (its goals) on the right with
 * the eye, so it swims towards the goal as in the pilot's drawing. Each part
 * is a box of its items; the part with the focus has a bold frame and its
 * selected item in reverse, so the focus reads without colour. Lines are
 * box-drawing characters, or ASCII on terminals without them (glyphs.c). */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "fish_model.h"
#include "tapian/glyphs.h"
#include "tapian/i18n.h"
#include "tapian/term.h"
#include "tapian/text.h"
#include "tapian/ui.h"

static const char *const part_names[DB_FISH_PARTS] = {
    [DB_FISH_HEAD] = N_("Head: goals"),
    [DB_FISH_BODY] = N_("Body: sharing"),
    [DB_FISH_TAIL] = N_("Tail: knowledge we have"),
};

int fish_editor_rows(const struct fish_model *m)
{
    return m->focus == DB_FISH_BODY ? 1 : 4;
}

static void widths(int cols, int w[DB_FISH_PARTS])
{
    w[DB_FISH_TAIL] = cols * 26 / 100;
    w[DB_FISH_HEAD] = cols * 32 / 100;
    w[DB_FISH_BODY] = cols - 2 - w[DB_FISH_TAIL] - w[DB_FISH_HEAD];
}

int fish_item_width(db_fish_part p, int cols)
{
    int w[DB_FISH_PARTS];
    widths(cols, w);
    return w[p] - 4;
}

static void frame_line(int y, int x, int w, const char *l, const char *r, int attr)
{
    const glyph_set *g = glyphs();
    ui_str(stdscr, y, x, l, 1, attr);
    for (int i = 1; i < w - 1; i++)
        ui_str(stdscr, y, x + i, g->h, 1, attr);
    ui_str(stdscr, y, x + w - 1, r, 1, attr);
}

/* One part: its frame (edges given per part, the fin and nose shapes),
 * title, items, and the editor in place of the item being edited. */
static void draw_part(struct fish_model *m, db_fish_part p, int y, int x,
                      int w, int h, const char *left_top, const char *left_bot,
                      const char *right_top, const char *right_bot, int *cy,
                      int *cx)
{
    const glyph_set *g = glyphs();
    bool focus = m->focus == p;
    int frame = focus ? A_BOLD : (int)A_NORMAL;
    frame_line(y, x, w, g->tl, g->tr, frame);
    frame_line(y + h - 1, x, w, g->bl, g->br, frame);
    for (int r = 1; r < h - 1; r++) {
        ui_str(stdscr, y + r, x, r < h / 2 ? left_top : left_bot, 1, frame);
        ui_str(stdscr, y + r, x + w - 1, r < h / 2 ? right_top : right_bot, 1,
               frame);
    }
    struct fish_part *fp = &m->parts[p];
    char title[120];
    snprintf(title, sizeof title, " %s (%d) ", _(part_names[p]), fp->n);
    ui_str(stdscr, y, x + 2, title, w - 6,
           focus ? term_attr_of(TA_SELECTED) : term_attr_of(TA_LABEL));
    int iw = w - 4, row = y + 1, last = y + h - 2;
    int edit_rows = fish_editor_rows(m);
    bool editing = focus && m->editor;
    /* keep the selected item (or the editor) on screen */
    int first = 0;
    int space = last - row + 1 - (editing ? edit_rows - 1 : 0);
    if (fp->selected >= space)
        first = fp->selected - space + 1;
    for (int i = first; i <= fp->n && row <= last; i++) {
        bool here = i == fp->selected;
        if (editing && here && (i < fp->n ? !m->editing_new : m->editing_new)) {
            int rows = edit_rows;
            if (row + rows - 1 > last)
                rows = last - row + 1;
            field_view_draw(stdscr, m->editor, row, x + 2, iw, rows, true, cy,
                            cx);
            row += rows;
            if (i == fp->n)
                break;
            continue;
        }
        if (i == fp->n)
            break;
        int attr = focus && here && !m->editor ? term_attr_of(TA_SELECTED)
                                                : (int)A_NORMAL;
        if (attr != (int)A_NORMAL)
            ui_fill(stdscr, row, x + 2, iw, attr);
        ui_str(stdscr, row, x + 2, fp->items[i].text, iw, attr);
        row++;
    }
    if (!fp->n && !editing)
        ui_str(stdscr, y + 1, x + 2, _("(none yet: a adds)"), iw,
               term_attr_of(TA_LABEL));
}

/* The selected item in full under the fish: the boxes clip long texts. */
static void draw_detail(struct fish_model *m, int y, int height, int cols)
{
    struct fish_part *fp = &m->parts[m->focus];
    if (m->editor || fp->selected >= fp->n || height < 1)
        return;
    const struct fish_item *it = &fp->items[fp->selected];
    int used = ui_wrapped(stdscr, y, 2, cols - 4, height, it->text, A_NORMAL);
    char line[400] = "";
    text_date d;
    char date[40] = "";
    if (it->date[0] && text_date_parse(it->date, strlen(it->date), &d) == TP_OK)
        text_date_format(d, false, date, sizeof date);
    if (it->detail && date[0])
        snprintf(line, sizeof line, "%s · %s", date, it->detail);
    else
        snprintf(line, sizeof line, "%s", it->detail ? it->detail : date);
    if (line[0] && used < height)
        ui_wrapped(stdscr, y + used, 2, cols - 4, height - used, line,
                   term_attr_of(TA_LABEL));
}

void fish_draw(struct fish_model *m, int top, int height, int cols, int *cy,
               int *cx)
{
    ui_str(stdscr, top, 1, m->group, cols - 2, A_BOLD);
    int y = top + 2;
    int h = height - 2 - 4;         /* four rows stay for the detail */
    if (h > 14)
        h = 14;
    if (h < 5)
        h = 5;
    int w[DB_FISH_PARTS];
    widths(cols, w);
    int tail_w = w[DB_FISH_TAIL], body_w = w[DB_FISH_BODY];
    int head_w = w[DB_FISH_HEAD];
    int xt = 1, xb = xt + tail_w, xh = xb + body_w;
    /* tail fin: \ then /; head: nose > ; body: straight sides */
    draw_part(m, DB_FISH_TAIL, y, xt, tail_w, h, "\\", "/", "<", "<", cy, cx);
    const glyph_set *g = glyphs();
    draw_part(m, DB_FISH_BODY, y, xb, body_w, h, g->v, g->v, g->v, g->v, cy,
              cx);
    draw_part(m, DB_FISH_HEAD, y, xh, head_w, h, g->v, g->v, "\\", "/", cy,
              cx);
    /* the eye, on the head's upper edge beyond its title */
    ui_str(stdscr, y, xh + head_w - 3, glyphs_ascii() ? "o" : "◉", 1,
           A_BOLD);
    draw_detail(m, y + h + 1, top + height - (y + h + 1), cols);
}
