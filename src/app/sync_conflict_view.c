/* The open sync conflicts: for each, what kind of record and which one,
 * and for both versions the site, who changed it and when; ● marks the
 * version the record holds now. Enter shows the two side by side. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sync_conflict.h"
#include "tapian/db_records.h"
#include "tapian/db_sync.h"
#include "tapian/form_value.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"
#include "tapian/views.h"

#define ITEM_ROWS 3

struct sync_list {
    struct view base;
    const screen *scr;
    struct sync_item *items;
    size_t n;
    size_t selected;
    bool stale;
    tp_status status;
};

void sync_when(const char *iso, char *buf, size_t size)
{
    struct tm tm = {0};
    buf[0] = '\0';
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d", &tm.tm_year, &tm.tm_mon,
                       &tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5)
        return;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    struct tm local;
    if (t == (time_t)-1 || !localtime_r(&t, &local))
        return;
    text_date d = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    char day[48];
    if (text_date_format(d, false, day, sizeof day) < 0)
        return;
    snprintf(buf, size, "%s %02d:%02d", day, local.tm_hour, local.tm_min);
}

const screen_field *sync_field(struct app *a, const char *table,
                               const char *column)
{
    const screen *s = screen_for_table(&a->screens, table);
    for (size_t i = 0; s && i < s->n_fields; i++)
        if (strcmp(s->fields[i].name, column) == 0)
            return &s->fields[i];
    return NULL;
}

char *sync_value_display(struct app *a, const char *table, const char *column,
                         const char *stored)
{
    const screen_field *f = sync_field(a, table, column);
    if (f && f->type == SF_REF && f->ref && f->ref_label && stored) {
        char *label = NULL;
        if (db_ref_label(a->db, f->ref, f->ref_label, stored, &label) ==
                TP_OK && label)
            return label;
        free(label);
    }
    if (f && f->type != SF_MULTIREF)
        return form_value_display(f, stored);
    return strdup(stored ? stored : "");
}

void sync_item_free(struct sync_item *it)
{
    free(it->table), free(it->row_id), free(it->title);
    free(it->here_site), free(it->other_site);
    free(it->here_by), free(it->here_at), free(it->other_by), free(it->other_at);
}

static char *dup(const char *s)
{
    return strdup(s ? s : "");
}

bool sync_item_copy(struct sync_item *to, const struct sync_item *from)
{
    *to = (struct sync_item){
        .id = from->id, .table = dup(from->table),
        .row_id = dup(from->row_id), .title = dup(from->title),
        .here_site = dup(from->here_site), .other_site = dup(from->other_site),
        .here_by = dup(from->here_by), .here_at = dup(from->here_at),
        .other_by = dup(from->other_by), .other_at = dup(from->other_at),
        .here_chosen = from->here_chosen, .clash = from->clash,
    };
    return to->table && to->row_id && to->title && to->here_site &&
           to->other_site && to->here_by && to->here_at && to->other_by &&
           to->other_at;
}

static void forget_items(struct sync_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        sync_item_free(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

struct loading {
    struct sync_list *l;
    bool nomem;
};

static bool take(void *ctx, const db_sync_conflict *c)
{
    struct loading *ld = ctx;
    struct sync_list *l = ld->l;
    struct sync_item *grown = realloc(l->items, (l->n + 1) * sizeof *grown);
    if (!grown) {
        ld->nomem = true;
        return false;
    }
    l->items = grown;
    char when_here[64], when_other[64];
    sync_when(c->here_at, when_here, sizeof when_here);
    sync_when(c->other_at, when_other, sizeof when_other);
    l->items[l->n++] = (struct sync_item){
        .id = c->id, .table = dup(c->table), .row_id = dup(c->row_id),
        .here_site = dup(c->here_site ? c->here_site : _("this computer")),
        .other_site = dup(c->other_site),
        .here_by = dup(c->here_by), .here_at = dup(when_here),
        .other_by = dup(c->other_by), .other_at = dup(when_other),
        .here_chosen = c->here_chosen, .clash = c->clash,
    };
    return true;
}

/* The record's name: the first text column of its screen's list that has
 * a value, else the first column with one, as the version the record
 * holds now has it. */
struct pair {
    char *column, *value;
};

struct values {
    struct pair p[64];
    size_t n;
    bool here;
};

static bool keep_value(void *ctx, const char *column, const char *here,
                       const char *other)
{
    struct values *v = ctx;
    const char *val = v->here && here ? here : other ? other : here;
    if (!val || !*val || v->n == 64)
        return v->n < 64;
    v->p[v->n].column = strdup(column);
    v->p[v->n].value = strdup(val);
    if (v->p[v->n].column && v->p[v->n].value)
        v->n++;
    else
        free(v->p[v->n].column), free(v->p[v->n].value);
    return true;
}

static const char *value_of(const struct values *v, const char *column)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->p[i].column, column) == 0)
            return v->p[i].value;
    return NULL;
}

static char *record_title(struct app *a, const struct sync_item *it)
{
    struct values v = {.n = 0, .here = it->here_chosen};
    const screen *s = screen_for_table(&a->screens, it->table);
    char *title = NULL;
    if (s && db_sync_conflict_fields(a->db, it->id, keep_value, &v) == TP_OK) {
        const char *col = NULL;
        for (size_t i = 0; !col && i < s->n_columns; i++) {
            const screen_field *f = sync_field(a, it->table,
                                               s->columns[i].column);
            if (f && (f->type == SF_TEXT || f->type == SF_MULTILINE) &&
                value_of(&v, s->columns[i].column))
                col = s->columns[i].column;
        }
        for (size_t i = 0; !col && i < s->n_columns; i++)
            if (value_of(&v, s->columns[i].column))
                col = s->columns[i].column;
        if (col)
            title = sync_value_display(a, it->table, col, value_of(&v, col));
    }
    for (size_t i = 0; i < v.n; i++)
        free(v.p[i].column), free(v.p[i].value);
    return title ? title : dup(it->row_id);
}

static void name_items(struct app *a, struct sync_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        l->items[i].title = record_title(a, &l->items[i]);
}

static void load(struct app *a, struct sync_list *l)
{
    forget_items(l);
    struct loading ld = {l, false};
    l->status = db_sync_conflict_list(a->db, true, take, &ld);
    if (l->status == TP_OK && ld.nomem)
        l->status = TP_ERR_NOMEM;
    name_items(a, l);
    if (l->selected >= l->n)
        l->selected = l->n ? l->n - 1 : 0;
    l->stale = false;
}

static const char *list_title(struct view *v)
{
    struct sync_list *l = (struct sync_list *)v;
    return l->scr ? screen_title(l->scr) : _("Sync conflicts");
}

static void side_line(int y, int cols, int attr, bool chosen,
                      const char *which, const char *site, const char *by,
                      const char *when)
{
    ui_str(stdscr, y, 2, chosen ? "●" : " ", 1, attr | A_BOLD);
    int x = 4 + ui_str(stdscr, y, 4, which, 10, attr | A_BOLD);
    ui_str(stdscr, y, x, ":", 1, attr | A_BOLD);
    ui_str(stdscr, y, 14, site, 24, attr);
    ui_str(stdscr, y, 40, by, 18, attr);
    ui_str(stdscr, y, cols - 20, when, 19, attr);
}

static void draw_item(struct app *a, const struct sync_item *it, int y,
                      int cols, bool sel)
{
    int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
    for (int r = 0; r < ITEM_ROWS; r++)
        ui_fill(stdscr, y + r, 0, cols, attr);
    const screen *s = screen_for_table(&a->screens, it->table);
    ui_str(stdscr, y, 2, s ? screen_title(s) : it->table, 24,
           sel ? attr : term_attr_of(TA_LABEL));
    ui_str(stdscr, y, 28, it->title, cols - 30, attr | A_BOLD);
    side_line(y + 1, cols, attr, it->here_chosen, _("Here"), it->here_site,
              it->clash ? _("(the same entry)") : it->here_by, it->here_at);
    side_line(y + 2, cols, attr, !it->here_chosen, _("Other"),
              it->other_site, it->other_by, it->other_at);
}

static void list_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct sync_list *l = (struct sync_list *)v;
    int cols = getmaxx(stdscr);
    (void)cy, (void)cx;
    if (l->stale)
        load(a, l);
    if (l->status != TP_OK) {
        ui_str(stdscr, top + 1, 2, tp_status_message(l->status), cols - 4,
               term_attr_of(TA_ERROR));
        return;
    }
    if (!l->n) {
        ui_wrapped(stdscr, top + 1, 2, cols - 4, 2,
                   _("No open conflicts: the records here agree with what "
                     "came from the other sites."), term_attr_of(TA_LABEL));
        return;
    }
    char head[160];
    snprintf(head, sizeof head, _("Open conflicts: %zu; ● = the version the "
                                  "record holds now"), l->n);
    ui_str(stdscr, top, 1, head, cols - 2, term_attr_of(TA_LABEL));
    int per_page = (height - 1) / ITEM_ROWS;
    if (per_page < 1)
        return;
    size_t first = l->selected >= (size_t)per_page
                       ? l->selected - (size_t)per_page + 1 : 0;
    for (int i = 0; i < per_page && first + (size_t)i < l->n; i++)
        draw_item(a, &l->items[first + (size_t)i], top + 1 + ITEM_ROWS * i,
                  cols, first + (size_t)i == l->selected);
}

static int open_item(struct app *a, struct sync_list *l)
{
    if (!l->n)
        return H_HANDLED;
    bool may = l->scr && screen_may_edit(l->scr, app_role_codes(a), a->n_roles);
    struct view *d = sync_conflict_detail_new(a, &l->items[l->selected], may);
    if (d)
        app_push(a, d);
    else
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_NOMEM));
    return H_HANDLED | H_REDRAW;
}

static int list_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct sync_list *l = (struct sync_list *)v;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (l->selected > 0) l->selected--; break;
    case TK_DOWN: if (l->selected + 1 < l->n) l->selected++; break;
    case TK_HOME: l->selected = 0; break;
    case TK_END: l->selected = l->n ? l->n - 1 : 0; break;
    case TK_ENTER: return open_item(a, l);
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

/* Back from a conflict (perhaps resolved): read the list again. */
static void list_on_top(struct view *v)
{
    ((struct sync_list *)v)->stale = true;
}

static const char *list_help(struct view *v)
{
    struct sync_list *l = (struct sync_list *)v;
    return l->scr ? screen_help(l->scr) : NULL;
}

static void list_destroy(struct view *v)
{
    struct sync_list *l = (struct sync_list *)v;
    forget_items(l);
    free(l);
}

static const view_key_help list_keys[] = {
    {"Enter", N_("Compare")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops list_ops = {
    .name = "sync_conflicts",
    .title = list_title,
    .draw = list_draw,
    .handle = list_handle,
    .destroy = list_destroy,
    .keys = list_keys,
    .on_top = list_on_top,
    .help = list_help,
};

struct view *sync_conflict_view_new(struct app *a, const screen *s)
{
    (void)a;
    struct sync_list *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->base.ops = &list_ops;
    l->scr = s;
    l->stale = true;
    return &l->base;
}
