/* Choosing the row(s) a reference field points at: the referred table's
 * rows in Thai order, narrowed by typing, Space to mark several. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_view.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define PICK_PAGE 100
#define PICK_MAX_MARKED 512

struct pick_row {
    char id[37];
    char *label;
};

struct picker {
    struct view base;
    struct form_view *form;
    form_input *in;
    bool multi;
    field *filter;
    struct pick_row rows[PICK_PAGE];
    int n_rows;
    long total;
    long top, selected;
    int visible;
    bool stale;
    char *marked[PICK_MAX_MARKED];
    size_t n_marked;
};

static const char *picker_title(struct view *v)
{
    struct picker *p = (struct picker *)v;
    return screen_field_label(p->in->def);
}

static void clear_rows(struct picker *p)
{
    for (int i = 0; i < p->n_rows; i++)
        free(p->rows[i].label);
    p->n_rows = 0;
}

static int take_row(void *ctx, const db_row *row)
{
    struct picker *p = ctx;
    if (p->n_rows >= PICK_PAGE)
        return 1;
    struct pick_row *r = &p->rows[p->n_rows++];
    snprintf(r->id, sizeof r->id, "%s", row->id);
    r->label = strdup(row->n && row->values[0] ? row->values[0] : "");
    return 0;
}

static void query(const struct picker *p, db_list_query *q, const char **col)
{
    memset(q, 0, sizeof *q);
    *col = p->in->def->ref_label;
    q->table = p->in->def->ref;
    q->columns = col;
    q->n_columns = 1;
    q->order_column = p->in->def->ref_order ? p->in->def->ref_order : *col;
    q->search = field_text(p->filter);
    q->search_columns = col;
    q->n_search = 1;
}

static void load(struct app *a, struct picker *p)
{
    clear_rows(p);
    db_list_query q;
    const char *col;
    query(p, &q, &col);
    if (db_list_count(a->db, &q, &p->total) != TP_OK)
        p->total = 0;
    if (p->selected >= p->total)
        p->selected = p->total ? p->total - 1 : 0;
    if (p->selected < 0)
        p->selected = 0;
    if (p->selected < p->top)
        p->top = p->selected;
    if (p->selected >= p->top + p->visible)
        p->top = p->selected - p->visible + 1;
    q.offset = p->top;
    q.limit = p->visible < PICK_PAGE ? p->visible : PICK_PAGE;
    db_list(a->db, &q, take_row, p);
    p->stale = false;
}

static bool is_marked(const struct picker *p, const char *id)
{
    for (size_t i = 0; i < p->n_marked; i++)
        if (strcmp(p->marked[i], id) == 0)
            return true;
    return false;
}

static void toggle(struct picker *p, const char *id)
{
    for (size_t i = 0; i < p->n_marked; i++)
        if (strcmp(p->marked[i], id) == 0) {
            free(p->marked[i]);
            p->marked[i] = p->marked[--p->n_marked];
            return;
        }
    if (p->n_marked < PICK_MAX_MARKED)
        p->marked[p->n_marked++] = strdup(id);
}

static void picker_draw(struct app *a, struct view *v, int top, int height,
                        int *cy, int *cx)
{
    struct picker *p = (struct picker *)v;
    int cols = getmaxx(stdscr);
    int visible = height - 3;
    if (visible != p->visible || p->stale) {
        p->visible = visible;
        load(a, p);
    }
    int w = ui_str(stdscr, top, 1, _("Find:"), 20, A_BOLD) + 2;
    field_view_draw(stdscr, p->filter, top, w, cols - w - 20, 1, true, cy, cx);
    char count[64];
    if (p->multi)
        snprintf(count, sizeof count, _("%zu chosen"), p->n_marked);
    else
        snprintf(count, sizeof count, "%ld", p->total);
    ui_str(stdscr, top, cols - 18, count, 17, term_attr_of(TA_LABEL));
    for (int i = 0; i < p->n_rows; i++) {
        int y = top + 2 + i;
        bool sel = p->top + i == p->selected;
        int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, y, 0, cols, attr);
        char line[300];
        snprintf(line, sizeof line, "%s%s", p->multi ? (is_marked(p, p->rows[i].id) ? "[✓] " : "[ ] ") : "",
                 p->rows[i].label);
        ui_str(stdscr, y, 2, line, cols - 4, attr);
    }
}

static void finish(struct app *a, struct picker *p)
{
    form_input *in = p->in;
    if (p->multi) {
        form_input_set_ids(a, in, (const char *const *)p->marked, p->n_marked);
    } else {
        long i = p->selected - p->top;
        if (i < 0 || i >= p->n_rows)
            return;
        free(in->value);
        in->value = strdup(p->rows[i].id);
        form_input_update_label(a, in);
    }
    in->changed = true;
    in->error = NULL;
    p->form->draft_pending = true;
}

static int picker_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct picker *p = (struct picker *)v;
    if (ev->type == EV_CHAR && !(p->multi && ev->ch == ' ')) {
        field_insert_char(p->filter, ev->ch);
        p->stale = true;
        p->selected = p->top = 0;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_CHAR) { /* Space marks in a multiple choice */
        long i = p->selected - p->top;
        if (i >= 0 && i < p->n_rows)
            toggle(p, p->rows[i].id);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: p->selected--; break;
    case TK_DOWN: p->selected++; break;
    case TK_PGUP: p->selected -= p->visible; break;
    case TK_PGDN: p->selected += p->visible; break;
    case TK_BACKSPACE:
        field_backspace(p->filter);
        p->selected = p->top = 0;
        break;
    case TK_ENTER:
        finish(a, p);
        return H_CLOSE;
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
    p->stale = true;
    return H_HANDLED | H_REDRAW;
}

static bool picker_typing(struct view *v)
{
    (void)v;
    return true;
}

static void picker_destroy(struct view *v)
{
    struct picker *p = (struct picker *)v;
    clear_rows(p);
    for (size_t i = 0; i < p->n_marked; i++)
        free(p->marked[i]);
    field_free(&p->filter);
    free(p);
}

static const view_key_help pick_keys[] = {
    {"Enter", N_("Choose")},
    {"Space", N_("Mark")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops picker_ops = {
    .name = "picker",
    .title = picker_title,
    .draw = picker_draw,
    .handle = picker_handle,
    .destroy = picker_destroy,
    .keys = pick_keys,
    .typing = picker_typing,
};

struct view *form_picker_new(struct app *a, struct form_view *f, form_input *in)
{
    (void)a;
    if (!in->def->ref || !in->def->ref_label)
        return NULL;
    struct picker *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->base.ops = &picker_ops;
    p->form = f;
    p->in = in;
    p->multi = in->def->type == SF_MULTIREF;
    p->filter = field_new(false, 100);
    p->stale = true;
    for (size_t i = 0; p->multi && i < in->n_ids && i < PICK_MAX_MARKED; i++)
        p->marked[p->n_marked++] = strdup(in->ids[i]);
    if (!p->filter) {
        picker_destroy(&p->base);
        return NULL;
    }
    return &p->base;
}
