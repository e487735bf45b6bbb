/* The list's filter view (key f): tambon and village pickers (rows of place
 * of that kind; the villages of the chosen tambon), a group picker, and a
 * date range typed in the Buddhist era. Up / Down move, Space (or typing
 * on a picker row) opens the picker, Delete clears a row, Enter applies
 * them all, Esc leaves them as they were. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_view.h"
#include "pick_view.h"
#include "tapian/field.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

enum row { R_TAMBON, R_VILLAGE, R_GROUP, R_FROM, R_TO, R_COUNT };

struct filter_view {
    struct view base;
    struct list_filters f;
    bool offered[R_COUNT];
    int focus;
    field *date[2];      /* from, to as typed */
    filters_fn fn;
    void *ctx;
};

static bool offers(const screen *s, const char *name)
{
    for (size_t i = 0; i < s->n_filters; i++)
        if (strcmp(s->filters[i], name) == 0)
            return true;
    return false;
}

static const char *row_label(int r)
{
    static const char *const labels[] = {N_("Tambon"), N_("Village"),
                                         N_("Group"), N_("Date from"),
                                         N_("Date to")};
    return _(labels[r]);
}

static const char *filter_title(struct view *v)
{
    (void)v;
    return _("Filters");
}

static void format_iso(const char *iso, char *buf, size_t size)
{
    text_date d = {0};
    buf[0] = '\0';
    if (iso[0] && sscanf(iso, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
        text_date_format(d, false, buf, size);
}

void filters_summary(const struct list_filters *f, char *buf, size_t size)
{
    char from[48], to[48];
    format_iso(f->date_from, from, sizeof from);
    format_iso(f->date_to, to, sizeof to);
    const char *place = f->village[0] ? f->village_label : f->tambon_label;
    snprintf(buf, size, "%s%s%s%s%s%s%s", place,
             place[0] && (f->group[0] || from[0] || to[0]) ? ", " : "",
             f->group[0] ? f->group_label : "",
             f->group[0] && (from[0] || to[0]) ? ", " : "",
             from[0] || to[0] ? (from[0] ? from : "…") : "",
             from[0] || to[0] ? " – " : "",
             from[0] || to[0] ? (to[0] ? to : "…") : "");
}

static void filter_draw(struct app *a, struct view *v, int top, int height,
                        int *cy, int *cx)
{
    (void)a, (void)height;
    struct filter_view *fv = (struct filter_view *)v;
    int cols = getmaxx(stdscr), y = top + 1;
    const char *values[] = {fv->f.tambon_label, fv->f.village_label,
                            fv->f.group_label};
    for (int r = 0; r < R_COUNT; r++) {
        if (!fv->offered[r])
            continue;
        bool focus = r == fv->focus;
        ui_str(stdscr, y, 2, row_label(r), 18,
               focus ? term_attr_of(TA_SELECTED) : term_attr_of(TA_LABEL));
        if (r < R_FROM) {
            const char *val = values[r][0] ? values[r] : _("(all)");
            ui_str(stdscr, y, 22, val, cols - 24, focus ? A_BOLD : A_NORMAL);
        } else {
            field_view_draw(stdscr, fv->date[r - R_FROM], y, 22, 20, 1, focus,
                            focus ? cy : NULL, focus ? cx : NULL);
        }
        y += 2;
    }
    ui_str(stdscr, y + 1, 2,
           _("Space chooses, Delete clears, Enter applies, Esc cancels"),
           cols - 4, term_attr_of(TA_LABEL));
}

static void chosen(struct app *a, void *ctx, const char *id,
                   const char *label)
{
    (void)a;
    struct filter_view *fv = ctx;
    struct list_filters *f = &fv->f;
    if (fv->focus == R_TAMBON) {
        if (strcmp(f->tambon, id) != 0)
            f->village[0] = f->village_label[0] = '\0';
        snprintf(f->tambon, sizeof f->tambon, "%s", id);
        snprintf(f->tambon_label, sizeof f->tambon_label, "%s", label);
    } else if (fv->focus == R_VILLAGE) {
        snprintf(f->village, sizeof f->village, "%s", id);
        snprintf(f->village_label, sizeof f->village_label, "%s", label);
    } else {
        snprintf(f->group, sizeof f->group, "%s", id);
        snprintf(f->group_label, sizeof f->group_label, "%s", label);
    }
}

static struct view *open_picker(struct filter_view *fv)
{
    db_value by[2];
    pick_spec p = {.title = row_label(fv->focus), .table = "place",
                   .label = "name", .filters = by, .n_filters = 1};
    if (fv->focus == R_TAMBON) {
        by[0] = DB_V_TEXT("kind", "tambon");
    } else if (fv->focus == R_VILLAGE) {
        by[0] = DB_V_TEXT("kind", "village");
        if (fv->f.tambon[0])
            by[p.n_filters++] = DB_V_TEXT("parent_id", fv->f.tambon);
        p.number = "moo";
        p.number_prefix = _("Moo");
    } else {
        p.table = "finance_group";
        p.n_filters = 0;
    }
    return pick_view_new(&p, chosen, fv);
}

/* The typed dates into ISO; false (with a message) when one is not a date. */
static bool take_dates(struct app *a, struct filter_view *fv)
{
    char *out[] = {fv->f.date_from, fv->f.date_to};
    for (int i = 0; i < 2; i++) {
        const char *t = field_text(fv->date[i]);
        text_date d;
        if (!*t) {
            out[i][0] = '\0';
        } else if (text_date_parse(t, strlen(t), &d) == TP_OK) {
            snprintf(out[i], 11, "%04d-%02d-%02d", d.year, d.month, d.day);
        } else {
            app_message(a, TA_ERROR, _("Not a date: %s"), t);
            fv->focus = R_FROM + i;
            return false;
        }
    }
    return true;
}

static void step_focus(struct filter_view *fv, int step)
{
    for (int r = fv->focus + step; r >= 0 && r < R_COUNT; r += step)
        if (fv->offered[r]) {
            fv->focus = r;
            return;
        }
}

static int filter_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct filter_view *fv = (struct filter_view *)v;
    bool on_date = fv->focus >= R_FROM;
    field *fd = on_date ? fv->date[fv->focus - R_FROM] : NULL;
    if (ev->type == EV_CHAR && fd) {
        field_insert_char(fd, ev->ch);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_CHAR) {
        struct view *p = open_picker(fv);
        if (p) {
            app_push(a, p);
            if (ev->ch != ' ')
                p->ops->handle(a, p, ev); /* typing starts the search */
        }
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: step_focus(fv, -1); break;
    case TK_DOWN: case TK_TAB: step_focus(fv, 1); break;
    case TK_BACKSPACE:
        if (fd)
            field_backspace(fd);
        break;
    case TK_DELETE:
        if (fd)
            field_set(fd, "", 0);
        else if (fv->focus == R_TAMBON)
            fv->f.tambon[0] = fv->f.tambon_label[0] = fv->f.village[0] =
                fv->f.village_label[0] = '\0';
        else if (fv->focus == R_VILLAGE)
            fv->f.village[0] = fv->f.village_label[0] = '\0';
        else
            fv->f.group[0] = fv->f.group_label[0] = '\0';
        break;
    case TK_ENTER:
        if (!take_dates(a, fv))
            break;
        fv->fn(a, fv->ctx, &fv->f);
        return H_CLOSE;
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static bool filter_typing(struct view *v)
{
    (void)v;
    return true;
}

static void filter_destroy(struct view *v)
{
    struct filter_view *fv = (struct filter_view *)v;
    field_free(&fv->date[0]);
    field_free(&fv->date[1]);
    free(fv);
}

static const view_key_help filter_keys[] = {
    {"Enter", N_("Apply")},
    {"Space", N_("Choose")},
    {"Del", N_("Clear")},
    {"Esc", N_("Cancel")},
    {NULL, NULL},
};

static const struct view_ops filter_ops = {
    .name = "filters",
    .title = filter_title,
    .draw = filter_draw,
    .handle = filter_handle,
    .destroy = filter_destroy,
    .keys = filter_keys,
    .typing = filter_typing,
};

struct view *filter_view_new(struct app *a, const screen *s,
                             const struct list_filters *now, filters_fn fn,
                             void *ctx)
{
    (void)a;
    if (!s->n_filters)
        return NULL;
    struct filter_view *fv = calloc(1, sizeof *fv);
    if (!fv)
        return NULL;
    fv->base.ops = &filter_ops;
    fv->f = *now;
    fv->fn = fn;
    fv->ctx = ctx;
    fv->offered[R_TAMBON] = offers(s, "tambon");
    fv->offered[R_VILLAGE] = offers(s, "village");
    fv->offered[R_GROUP] = offers(s, "group");
    fv->offered[R_FROM] = fv->offered[R_TO] = offers(s, "date");
    fv->focus = -1;
    step_focus(fv, 1);
    const char *iso[] = {now->date_from, now->date_to};
    for (int i = 0; i < 2; i++) {
        char shown[48];
        format_iso(iso[i], shown, sizeof shown);
        fv->date[i] = field_new(false, 40);
        if (fv->date[i])
            field_set(fv->date[i], shown, strlen(shown));
    }
    if (!fv->date[0] || !fv->date[1] || fv->focus < 0) {
        filter_destroy(&fv->base);
        return NULL;
    }
    return &fv->base;
}
