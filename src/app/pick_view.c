/* The generic one-row chooser (pick_view.h); its rows are pick_rows.c's,
 * as are those of a form's reference picker. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pick_rows.h"
#include "pick_view.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

#define PICK_FILTERS 4

struct pick {
    struct view base;
    pick_spec spec;
    db_value filters[PICK_FILTERS];
    char *filter_text[PICK_FILTERS];
    pick_done_fn done;
    void *ctx;
    struct pick_rows rows;
};

static const char *pick_title(struct view *v)
{
    return ((struct pick *)v)->spec.title;
}

/* "name", "name หมู่ 3" or "หมู่ 3" for a village without a name. */
static char *label_of(void *ctx, const db_row *row)
{
    const struct pick *p = ctx;
    const char *name = row->n > 0 && row->values[0] ? row->values[0] : "";
    const char *num = row->n > 1 ? row->values[1] : NULL;
    char buf[400], more[64] = "";
    if (num && p->spec.number_prefix)
        snprintf(more, sizeof more, "%s %s", p->spec.number_prefix, num);
    snprintf(buf, sizeof buf, "%s%s%s", name, *name && *more ? " " : "", more);
    return strdup(buf);
}

static void query(void *ctx, db_list_query *q, const char **cols)
{
    const struct pick *p = ctx;
    cols[0] = p->spec.label;
    cols[1] = p->spec.number;
    q->table = p->spec.table;
    q->columns = cols;
    q->n_columns = p->spec.number ? 2 : 1;
    /* villages by their number, the rest by name in Thai order */
    q->order_column = p->spec.number ? p->spec.number : p->spec.label;
    q->search_columns = cols;
    q->n_search = 1;
    q->filters = p->filters;
    q->n_filters = p->spec.n_filters;
}

static void pick_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct pick *p = (struct pick *)v;
    pick_rows_draw(a, &p->rows, top, height, cy, cx);
}

static int pick_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct pick *p = (struct pick *)v;
    int h = pick_rows_handle(&p->rows, ev);
    if (h != H_UNKNOWN || ev->type != EV_KEY)
        return h;
    if (ev->key == TK_ESC)
        return H_CLOSE;
    if (ev->key != TK_ENTER)
        return H_UNKNOWN;
    const struct pick_row *row = pick_rows_current(&p->rows);
    if (!row)
        return H_CLOSE;
    /* closed before done runs, so that done may open the next view */
    char id[37], label[400];
    snprintf(id, sizeof id, "%s", row->id);
    snprintf(label, sizeof label, "%s", row->label);
    pick_done_fn done = p->done;
    void *ctx = p->ctx;
    app_pop(a);
    done(a, ctx, id, label);
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
    pick_rows_free(&p->rows);
    for (size_t i = 0; i < PICK_FILTERS; i++)
        free(p->filter_text[i]);
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
    pick_source src = {.query = query, .label = label_of, .ctx = p};
    bool ok = pick_rows_init(&p->rows, &src);
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
