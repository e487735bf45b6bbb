/* The page of rows behind both choosers (pick_rows.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pick_rows.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

bool pick_rows_init(struct pick_rows *r, const pick_source *src)
{
    memset(r, 0, sizeof *r);
    r->src = *src;
    r->stale = true;
    r->find = field_new(false, 100);
    return r->find != NULL;
}

static void clear_rows(struct pick_rows *r)
{
    for (int i = 0; i < r->n_rows; i++)
        free(r->rows[i].label);
    r->n_rows = 0;
}

void pick_rows_free(struct pick_rows *r)
{
    clear_rows(r);
    field_free(&r->find);
}

static int take_row(void *ctx, const db_row *row)
{
    struct pick_rows *r = ctx;
    if (r->n_rows >= PICK_PAGE)
        return 1;
    struct pick_row *p = &r->rows[r->n_rows];
    snprintf(p->id, sizeof p->id, "%s", row->id);
    p->label = r->src.label(r->src.ctx, row);
    if (p->label)
        r->n_rows++;
    return 0;
}

static void load(struct app *a, struct pick_rows *r)
{
    clear_rows(r);
    db_list_query q;
    const char *cols[2] = {NULL, NULL};
    memset(&q, 0, sizeof q);
    r->src.query(r->src.ctx, &q, cols);
    q.search = field_text(r->find);
    if (db_list_count(a->db, &q, &r->total) != TP_OK)
        r->total = 0;
    if (r->selected >= r->total)
        r->selected = r->total ? r->total - 1 : 0;
    if (r->selected < 0)
        r->selected = 0;
    if (r->selected < r->top)
        r->top = r->selected;
    if (r->selected >= r->top + r->visible)
        r->top = r->selected - r->visible + 1;
    q.offset = r->top;
    q.limit = r->visible < PICK_PAGE ? r->visible : PICK_PAGE;
    if (db_list(a->db, &q, take_row, r) != TP_OK)
        app_message(a, TA_ERROR, "%s", db_last_error(a->db));
    r->stale = false;
}

void pick_rows_draw(struct app *a, struct pick_rows *r, int top, int height,
                    int *cy, int *cx)
{
    int cols = getmaxx(stdscr);
    int visible = height - 3 > 0 ? height - 3 : 1;
    if (visible != r->visible || r->stale) {
        r->visible = visible;
        load(a, r);
    }
    int w = ui_str(stdscr, top, 1, _("Find:"), 20, A_BOLD) + 2;
    field_view_draw(stdscr, r->find, top, w, cols - w - 20, 1, true, cy, cx);
    char count[64];
    if (r->src.count)
        r->src.count(r->src.ctx, count, sizeof count);
    else
        snprintf(count, sizeof count, "%ld", r->total);
    ui_str(stdscr, top, cols - 18, count, 17, term_attr_of(TA_LABEL));
    for (int i = 0; i < r->n_rows; i++) {
        int y = top + 2 + i;
        int attr = r->top + i == r->selected ? term_attr_of(TA_SELECTED)
                                             : (int)A_NORMAL;
        ui_fill(stdscr, y, 0, cols, attr);
        const char *pre = r->src.prefix
                              ? r->src.prefix(r->src.ctx, &r->rows[i]) : "";
        char line[512];
        snprintf(line, sizeof line, "%s%s", pre, r->rows[i].label);
        ui_str(stdscr, y, 2, line, cols - 4, attr);
    }
}

int pick_rows_handle(struct pick_rows *r, const term_event *ev)
{
    if (ev->type == EV_CHAR) {
        field_insert_char(r->find, ev->ch);
        r->selected = r->top = 0;
        r->stale = true;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: r->selected--; break;
    case TK_DOWN: r->selected++; break;
    case TK_PGUP: r->selected -= r->visible; break;
    case TK_PGDN: r->selected += r->visible; break;
    case TK_BACKSPACE:
        field_backspace(r->find);
        r->selected = r->top = 0;
        break;
    default:
        return H_UNKNOWN;
    }
    r->stale = true;
    return H_HANDLED | H_REDRAW;
}

const struct pick_row *pick_rows_current(const struct pick_rows *r)
{
    long i = r->selected - r->top;
    return i >= 0 && i < r->n_rows ? &r->rows[i] : NULL;
}
