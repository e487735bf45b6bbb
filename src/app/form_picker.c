/* Choosing the row(s) a reference field points at: the referred table's
 * rows in Thai order, narrowed by typing, Space to mark several. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_view.h"
#include "pick_rows.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define PICK_MAX_MARKED 512

struct picker {
    struct view base;
    struct form_view *form;
    form_input *in;
    bool multi;
    struct pick_rows rows;
    char *marked[PICK_MAX_MARKED];
    size_t n_marked;
};

static const char *picker_title(struct view *v)
{
    struct picker *p = (struct picker *)v;
    return screen_field_label(p->in->def);
}

static char *label_of(void *ctx, const db_row *row)
{
    (void)ctx;
    return strdup(row->n && row->values[0] ? row->values[0] : "");
}

static void query(void *ctx, db_list_query *q, const char **cols)
{
    const struct picker *p = ctx;
    cols[0] = p->in->def->ref_label;
    q->table = p->in->def->ref;
    q->columns = cols;
    q->n_columns = 1;
    q->order_column = p->in->def->ref_order ? p->in->def->ref_order : cols[0];
    q->search_columns = cols;
    q->n_search = 1;
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

/* A multiple choice shows each row's mark and how many are chosen. */
static const char *mark_of(void *ctx, const struct pick_row *row)
{
    const struct picker *p = ctx;
    if (!p->multi)
        return "";
    return is_marked(p, row->id) ? "[✓] " : "[ ] ";
}

static void chosen(void *ctx, char *out, size_t size)
{
    const struct picker *p = ctx;
    snprintf(out, size, _("%zu chosen"), p->n_marked);
}

static void picker_draw(struct app *a, struct view *v, int top, int height,
                        int *cy, int *cx)
{
    struct picker *p = (struct picker *)v;
    pick_rows_draw(a, &p->rows, top, height, cy, cx);
}

static void finish(struct app *a, struct picker *p)
{
    form_input *in = p->in;
    if (p->multi) {
        form_input_set_ids(a, in, (const char *const *)p->marked, p->n_marked);
    } else {
        const struct pick_row *row = pick_rows_current(&p->rows);
        if (!row)
            return;
        free(in->value);
        in->value = strdup(row->id);
        form_input_update_label(a, in);
    }
    in->changed = true;
    in->error = NULL;
    p->form->draft_pending = true;
}

static int picker_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct picker *p = (struct picker *)v;
    if (p->multi && ev->type == EV_CHAR && ev->ch == ' ') {
        /* Space marks in a multiple choice */
        const struct pick_row *row = pick_rows_current(&p->rows);
        if (row)
            toggle(p, row->id);
        return H_HANDLED | H_REDRAW;
    }
    int h = pick_rows_handle(&p->rows, ev);
    if (h != H_UNKNOWN || ev->type != EV_KEY)
        return h;
    if (ev->key == TK_ENTER) {
        finish(a, p);
        return H_CLOSE;
    }
    return ev->key == TK_ESC ? H_CLOSE : H_UNKNOWN;
}

static bool picker_typing(struct view *v)
{
    (void)v;
    return true;
}

static void picker_destroy(struct view *v)
{
    struct picker *p = (struct picker *)v;
    pick_rows_free(&p->rows);
    for (size_t i = 0; i < p->n_marked; i++)
        free(p->marked[i]);
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
    pick_source src = {.query = query, .label = label_of, .prefix = mark_of,
                       .count = p->multi ? chosen : NULL, .ctx = p};
    bool ok = pick_rows_init(&p->rows, &src);
    for (size_t i = 0; p->multi && i < in->n_ids && i < PICK_MAX_MARKED; i++)
        p->marked[p->n_marked++] = strdup(in->ids[i]);
    if (!ok) {
        picker_destroy(&p->base);
        return NULL;
    }
    return &p->base;
}
