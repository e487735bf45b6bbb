/* The home screen: what the database holds for the pilot tambons, and the
 * tasks that can be opened from here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/role_menu.h"
#include "tapian/views.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define MAX_TAMBONS 16

struct tambon_row {
    char name[128];
    int villages, groups, meetings;
};

/* A line of the task menu: a screen of the active role, or a fixed task. */
typedef struct {
    char key;                     /* what opens it */
    const screen *s;              /* NULL for a fixed task */
    const char *label;            /* msgid of a fixed task */
    struct view *(*open)(struct app *a);
} home_item;

#define MAX_ITEMS 24
/* Screens take these keys in order; k (print the book), l (all lists),
 * n (note), p (PIN), q (quit) and r (switch role) stay the same on every
 * home screen. */
#define ITEM_KEYS "123456789abcdefghijmostuvwxyz"

struct home_view {
    struct view base;
    struct tambon_row rows[MAX_TAMBONS];
    int count;
    bool loaded;
    tp_status load_status;
    int selected;
    home_item items[MAX_ITEMS];
    int n_items;
};

static int build_items(struct app *a, home_item *items)
{
    int n = 0;
    const char *role = a->n_roles ? a->roles[a->active_role] : NULL;
    for (const char *const *name = role_menu_screens(role); *name && n < MAX_ITEMS - 3; name++) {
        const screen *s = screen_find(&a->screens, *name);
        if (s && screen_may_view(s, app_role_codes(a), a->n_roles))
            items[n] = (home_item){.key = ITEM_KEYS[n], .s = s}, n++;
    }
    items[n++] = (home_item){.key = 'l', .label = N_("All lists"),
                             .open = index_view_new};
    if (role_menu_prints_book(role))
        items[n++] = (home_item){.key = 'k', .label = N_("Print the book"),
                                 .open = book_view_new};
    items[n++] = (home_item){.key = 'n', .label = N_("Quick note"),
                             .open = note_view_new};
    if (a->user_id[0])
        items[n++] = (home_item){.key = 'p', .label = N_("Set my PIN"),
                                 .open = pin_view_new};
    return n;
}

static void collect(void *ctx, const char *tambon, int villages, int groups,
                    int meetings)
{
    struct home_view *h = ctx;
    if (h->count >= MAX_TAMBONS)
        return;
    struct tambon_row *r = &h->rows[h->count++];
    snprintf(r->name, sizeof r->name, "%s", tambon);
    r->villages = villages;
    r->groups = groups;
    r->meetings = meetings;
}

static void load(struct app *a, struct home_view *h)
{
    h->count = 0;
    h->load_status = a->db ? db_tambon_counts(a->db, collect, h) : TP_ERR_NOTFOUND;
    h->loaded = true;
}

static const char *home_title(struct view *v)
{
    (void)v;
    return _("Home");
}

static void draw_counts(struct home_view *h, int y, int cols)
{
    int lattr = term_attr_of(TA_LABEL);
    ui_str(stdscr, y++, 2, _("Pilot tambons (Mueang Nakhon Si Thammarat district)"),
           cols - 4, lattr | A_BOLD);
    if (h->load_status != TP_OK) {
        ui_str(stdscr, y, 4, tp_status_message(h->load_status), cols - 6,
               term_attr_of(TA_ERROR));
        return;
    }
    if (h->count == 0) {
        ui_str(stdscr, y, 4, _("No tambon is recorded yet."), cols - 6, A_NORMAL);
        return;
    }
    ui_str(stdscr, y, 4, _("Tambon"), 24, A_UNDERLINE);
    ui_str(stdscr, y, 30, _("Villages"), 14, A_UNDERLINE);
    ui_str(stdscr, y, 46, _("Groups"), 14, A_UNDERLINE);
    ui_str(stdscr, y, 62, _("Meetings"), 14, A_UNDERLINE);
    y++;
    for (int i = 0; i < h->count; i++, y++) {
        char num[16];
        ui_str(stdscr, y, 4, h->rows[i].name, 24, A_NORMAL);
        snprintf(num, sizeof num, "%d", h->rows[i].villages);
        ui_str(stdscr, y, 30, num, 14, A_NORMAL);
        snprintf(num, sizeof num, "%d", h->rows[i].groups);
        ui_str(stdscr, y, 46, num, 14, A_NORMAL);
        snprintf(num, sizeof num, "%d", h->rows[i].meetings);
        ui_str(stdscr, y, 62, num, 14, A_NORMAL);
    }
}

static void home_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct home_view *h = (struct home_view *)v;
    int cols = getmaxx(stdscr);
    (void)cy;
    (void)cx;
    if (!h->loaded)
        load(a, h);
    ui_str(stdscr, top + 1, 2,
           _("Knowledge management for community finance groups, "
             "Nakhon Si Thammarat"),
           cols - 4, A_BOLD);
    draw_counts(h, top + 3, cols);
    int y = top + 5 + (h->count > 0 ? h->count + 1 : 1);
    char heading[160];
    if (a->n_roles)
        snprintf(heading, sizeof heading, "%s: %s", _("Tasks of"),
                 i18n_is_english() ? a->role_names_en[a->active_role]
                                   : a->role_names[a->active_role]);
    else
        snprintf(heading, sizeof heading, "%s", _("Tasks"));
    ui_str(stdscr, y++, 2, heading, cols - 4, term_attr_of(TA_LABEL) | A_BOLD);
    h->n_items = build_items(a, h->items);
    if (h->selected >= h->n_items)
        h->selected = h->n_items - 1;
    int col_w = (cols - 4) / 2;
    int rows = (h->n_items + 1) / 2;
    for (int i = 0; i < h->n_items; i++) {
        char line[256];
        const home_item *it = &h->items[i];
        snprintf(line, sizeof line, " %c  %s", it->key,
                 it->s ? screen_title(it->s) : _(it->label));
        int attr = i == h->selected ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        int iy = y + (i % rows), ix = 2 + (i / rows) * col_w;
        if (iy >= top + height)
            continue;
        ui_fill(stdscr, iy, ix, col_w - 1, attr);
        ui_str(stdscr, iy, ix, line, col_w - 1, attr);
    }
}

static int open_item(struct app *a, struct home_view *h, int i)
{
    const home_item *it = &h->items[i];
    struct view *nv = it->s ? app_view_for_screen(a, it->s) : it->open(a);
    if (nv)
        app_push(a, nv);
    return H_HANDLED | H_REDRAW;
}

static int home_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct home_view *h = (struct home_view *)v;
    if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_UP:
            h->selected = (h->selected + h->n_items - 1) % h->n_items;
            return H_HANDLED | H_REDRAW;
        case TK_DOWN:
            h->selected = (h->selected + 1) % h->n_items;
            return H_HANDLED | H_REDRAW;
        case TK_ENTER:
            return open_item(a, h, h->selected);
        default:
            return H_UNKNOWN;
        }
    }
    if (ev->type != EV_CHAR)
        return H_UNKNOWN;
    if (ev->ch == 'r' && a->n_roles > 1) {
        a->active_role = (a->active_role + 1) % (int)a->n_roles;
        h->selected = 0;
        return H_HANDLED | H_REDRAW;
    }
    const screen *search = ev->ch == '/' ? screen_find(&a->screens, "search") : NULL;
    if (search) {
        struct view *nv = app_view_for_screen(a, search);
        if (nv)
            app_push(a, nv);
        return H_HANDLED | H_REDRAW;
    }
    for (int i = 0; i < h->n_items; i++)
        if ((uint32_t)h->items[i].key == ev->ch)
            return open_item(a, h, i);
    return H_UNKNOWN;
}

static void home_refresh(struct view *v)
{
    ((struct home_view *)v)->loaded = false; /* counts may have changed */
}

static void home_destroy(struct view *v)
{
    free(v);
}

static const view_key_help home_keys[] = {
    {"↑↓", N_("Choose")},
    {"Enter", N_("Open")},
    {"r", N_("Switch role")},
    {NULL, NULL},
};

static const struct view_ops home_ops = {
    .name = "home",
    .title = home_title,
    .draw = home_draw,
    .handle = home_handle,
    .destroy = home_destroy,
    .keys = home_keys,
    .on_top = home_refresh,
};

struct view *home_view_new(struct app *a)
{
    (void)a;
    struct home_view *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->base.ops = &home_ops;
    return &h->base;
}
