/* The generic one-row chooser (pick_view.h). form_picker.c stays the
 * form's own (it marks several rows and writes into form inputs). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pick_view.h"
#include "tapian/field.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

#define PICK_PAGE 100
#define PICK_FILTERS 4

struct pick_row {
    char id[37];
    char *label;
};

struct pick {
    struct view base;
    pick_spec spec;
    db_value filters[PICK_FILTERS];
    char *filter_text[PICK_FILTERS];
    pick_done_fn done;
    void *ctx;
    field *find;
    struct pick_row rows[PICK_PAGE];
    int n_rows;
    long total, top, selected;
    int visible;
    bool stale;
};

static const char *pick_title(struct view *v)
{
    return ((struct pick *)v)->spec.title;
}

static void clear_rows(struct pick *p)
{
    for (int i = 0; i < p->n_rows; i++)
        free(p->rows[i].label);
    p->n_rows = 0;
}

/* "name", "name หมู่ 3" or "หมู่ 3" for a village without a name. */
static char *label_of(const struct pick *p, const db_row *row)
{
    const char *name = row->n > 0 && row->values[0] ? row->values[0] : "";
    const char *num = row->n > 1 ? row->values[1] : NULL;
    char buf[400], more[64] = "";
    if (num && p->spec.number_prefix)
        snprintf(more, sizeof more, "%s %s", p->spec.number_prefix, num);
    snprintf(buf, sizeof buf, "%s%s%s", name, *name && *more ? " " : "", more);
    return strdup(buf);
}

static int take_row(void *ctx, const db_row *row)
{
    struct pick *p = ctx;
    if (p->n_rows >= PICK_PAGE)
        return 1;
    struct pick_row *r = &p->rows[p->n_rows];
    snprintf(r->id, sizeof r->id, "%s", row->id);
    r->label = label_of(p, row);
    if (r->label)
        p->n_rows++;
    return 0;
}

static void query(const struct pick *p, db_list_query *q, const char **cols)
{
    memset(q, 0, sizeof *q);
    cols[0] = p->spec.label;
    cols[1] = p->spec.number;
    q->table = p->spec.table;
    q->columns = cols;
    q->n_columns = p->spec.number ? 2 : 1;
    /* villages by their number, the rest by name in Thai order */
    q->order_column = p->spec.number ? p->spec.number : p->spec.label;
    q->search = field_text(p->find);
    q->search_columns = cols;
    q->n_search = 1;
    q->filters = p->filters;
    q->n_filters = p->spec.n_filters;
}

static void load(struct app *a, struct pick *p)
{
    clear_rows(p);
    db_list_query q;
    const char *cols[2];
    query(p, &q, cols);
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
    if (db_list(a->db, &q, take_row, p) != TP_OK)
        app_message(a, TA_ERROR, "%s", db_last_error(a->db));
    p->stale = false;
}

static void pick_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct pick *p = (struct pick *)v;
    int cols = getmaxx(stdscr);
    int visible = height - 3;
    if (visible != p->visible || p->stale) {
        p->visible = visible > 0 ? visible : 1;
        load(a, p);
    }
    int w = ui_str(stdscr, top, 1, _("Find:"), 20, A_BOLD) + 2;
    field_view_draw(stdscr, p->find, top, w, cols - w - 20, 1, true, cy, cx);
    char count[32];
    snprintf(count, sizeof count, "%ld", p->total);
    ui_str(stdscr, top, cols - 18, count, 17, term_attr_of(TA_LABEL));
    for (int i = 0; i < p->n_rows; i++) {
        int y = top + 2 + i;
        int attr = p->top + i == p->selected ? term_attr_of(TA_SELECTED)
                                             : (int)A_NORMAL;
        ui_fill(stdscr, y, 0, cols, attr);
        ui_str(stdscr, y, 2, p->rows[i].label, cols - 4, attr);
    }
}

static int pick_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct pick *p = (struct pick *)v;
    if (ev->type == EV_CHAR) {
        field_insert_char(p->find, ev->ch);
        p->selected = p->top = 0;
        p->stale = true;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    long i = p->selected - p->top;
    switch (ev->key) {
    case TK_UP: p->selected--; break;
    case TK_DOWN: p->selected++; break;
    case TK_PGUP: p->selected -= p->visible; break;
    case TK_PGDN: p->selected += p->visible; break;
    case TK_BACKSPACE:
        field_backspace(p->find);
        p->selected = p->top = 0;
        break;
    case TK_ENTER: {
        if (i < 0 || i >= p->n_rows)
            return H_CLOSE;
        /* closed before done runs, so that done may open the next view */
        char id[37], label[400];
        snprintf(id, sizeof id, "%s", p->rows[i].id);
        snprintf(label, sizeof label, "%s", p->rows[i].label);
        pick_done_fn done = p->done;
        void *ctx = p->ctx;
        app_pop(a);
        done(a, ctx, id, label);
        return H_HANDLED | H_REDRAW;
    }
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
    p->stale = true;
    return H_HANDLED | H_REDRAW;
}

static bool pick_typing(struct view *v)
{
    (void)v;
    return true;
}

static void pick_destroy(struct view *v)
{
    struct pick *p = (struct pick *)v;
    clear_rows(p);
    for (size_t i = 0; i < PICK_FILTERS; i++)
        free(p->filter_text[i]);
    field_free(&p->find);
    free(p);
}

static const view_key_help pick_keys[] = {
    {"Enter", N_("Choose")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops pick_ops = {
    .name = "pick",
    .title = pick_title,
    .draw = pick_draw,
    .handle = pick_handle,
    .destroy = pick_destroy,
    .keys = pick_keys,
    .typing = pick_typing,
};

struct view *pick_view_new(const pick_spec *spec, pick_done_fn done,
                           void *ctx)
{
    if (!spec || !spec->table || !spec->label || !done ||
        spec->n_filters > PICK_FILTERS)
        return NULL;
    struct pick *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->base.ops = &pick_ops;
    p->spec = *spec;
    p->done = done;
    p->ctx = ctx;
    p->stale = true;
    p->find = field_new(false, 100);
    bool ok = p->find != NULL;
    for (size_t i = 0; i < spec->n_filters; i++) {
        p->filters[i] = spec->filters[i];
        if (spec->filters[i].type == DB_TEXT && spec->filters[i].s) {
            p->filter_text[i] = strdup(spec->filters[i].s);
            ok = ok && p->filter_text[i];
            p->filters[i].s = p->filter_text[i];
        }
    }
    p->spec.filters = p->filters;
    if (!ok) {
        pick_destroy(&p->base);
        return NULL;
    }
    return &p->base;
}
