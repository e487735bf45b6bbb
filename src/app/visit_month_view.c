/* The field-visit plan of a tambon as a month (screen field_visit_month),
 * like calcurse's calendar: the month grid with each day's visits counted
 * and flagged (‼ a clash: one facilitator at two groups that day; ◷ an
 * overdue visit), and beside it the selected day's visits: group,
 * responsible facilitator, status, agenda wrapped at word breaks, and the
 * meeting record of a done visit. Opened from the plan list (m on a plan)
 * or from the home menu, which first asks for the plan. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pick_view.h"
#include "tapian/glyphs.h"
#include "tapian/i18n.h"
#include "tapian/keymap.h"
#include "tapian/month_grid.h"
#include "tapian/ui.h"
#include "tapian/views.h"
#include "visit_month.h"

static const char *vm_title(struct view *v)
{
    struct visit_month *m = (struct visit_month *)v;
    static char buf[320];
    snprintf(buf, sizeof buf, "%s — %s", screen_title(m->s), m->plan_title);
    return buf;
}

static const char *vm_help(struct view *v)
{
    return screen_help(((struct visit_month *)v)->s);
}

static int day_flags(const struct visit_month *m, text_date d, bool *clash,
                     bool *overdue)
{
    int first, n = vm_day_visits(m, d, &first);
    *clash = *overdue = false;
    for (int i = 0; i < n; i++) {
        *clash |= m->visits[first + i].clash;
        *overdue |= m->visits[first + i].overdue;
    }
    return n;
}

/* A day's cell: its count, then ‼ and ◷ (a wide cell has room for all). */
static void vm_day(void *ctx, text_date d, month_day *out)
{
    const glyph_set *g = glyphs();
    bool clash, overdue;
    int n = day_flags(ctx, d, &clash, &overdue);
    out->warn = clash || overdue;
    if (!n)
        return;
    char count[12];
    snprintf(count, sizeof count, n > 9 ? "+" : "%d", n);
    snprintf(out->mark, sizeof out->mark, "%s%s%s", count,
             clash ? g->clash : "", overdue ? g->overdue : "");
}

/* A cell of one mark column: the flag, when there is one, before the
 * count. */
static void vm_day_narrow(void *ctx, text_date d, month_day *out)
{
    const glyph_set *g = glyphs();
    bool clash, overdue;
    vm_day(ctx, d, out);
    day_flags(ctx, d, &clash, &overdue);
    if (clash)
        snprintf(out->mark, sizeof out->mark, "%s", g->clash);
    else if (overdue)
        snprintf(out->mark, sizeof out->mark, "%s", g->overdue);
}

static int cell_width(int cols)
{
    return cols >= 110 ? 7 : 5;
}

/* One visit: flags and group, then facilitator and status, the agenda
 * wrapped, and the meeting of a done visit. Returns the rows used. */
static int draw_visit(const struct visit_month *m, const struct vm_visit *v,
                      bool selected, int y, int x, int w, int rows)
{
    const glyph_set *g = glyphs();
    int used = 0;
    char head[400];
    snprintf(head, sizeof head, "%s%s%s %s", selected ? ">" : " ",
             v->clash ? g->clash : " ", v->overdue ? g->overdue : " ",
             v->group ? v->group : _("(no group)"));
    int attr = selected ? term_attr_of(TA_SELECTED) : (int)A_BOLD;
    if (!selected && (v->clash || v->overdue))
        attr = term_attr_of(TA_ERROR);
    ui_fill(stdscr, y, x, w, selected ? attr : (int)A_NORMAL);
    ui_str(stdscr, y, x, head, w, attr);
    if (++used >= rows)
        return used;
    char who[400];
    snprintf(who, sizeof who, _("%s · facilitator %s"),
             vm_status_label(m, v->status), v->facilitator ? v->facilitator : "—");
    ui_str(stdscr, y + used, x + 4, who, w - 4, A_NORMAL);
    if (++used >= rows)
        return used;
    if (v->agenda && *v->agenda)
        used += ui_wrapped(stdscr, y + used, x + 4, w - 4,
                           rows - used < 3 ? rows - used : 3, v->agenda,
                           A_NORMAL);
    if (used < rows && v->meeting_id[0]) {
        char rec[400];
        snprintf(rec, sizeof rec, "    %s %s: %s", g->yes, _("Meeting record"),
                 v->meeting_title ? v->meeting_title : "");
        ui_str(stdscr, y + used, x, rec, w, term_attr_of(TA_NOTICE));
        used++;
    }
    return used;
}

static void draw_day_list(struct visit_month *m, int y, int x, int w, int rows)
{
    char day[64], head[200];
    month_grid_day_title(m->sel, i18n_is_english(), day, sizeof day);
    int first, n = vm_day_visits(m, m->sel, &first);
    if (n)
        snprintf(head, sizeof head, _("%s: %d visits"), day, n);
    else
        snprintf(head, sizeof head, "%s: %s", day, _("no visit"));
    ui_str(stdscr, y, x, head, w, term_attr_of(TA_LABEL) | A_BOLD);
    int row = y + 2, end = y + rows;
    if (m->pick >= n)
        m->pick = n ? n - 1 : 0;
    /* the selected visit first when the day has more than fit */
    int start = m->pick > 0 && n > 2 ? m->pick - 1 : 0;
    for (int i = start; i < n && row < end; i++) {
        row += draw_visit(m, &m->visits[first + i], i == m->pick, row, x, w,
                          end - row);
        row++;
    }
    if (!n && row < end && m->may_edit)
        ui_wrapped(stdscr, row, x, w, end - row,
                   _("a adds a visit on this day."), A_NORMAL);
}

static void draw_chooser(struct visit_month *m, int y, int x, int w, int rows)
{
    ui_frame(stdscr, y, x, rows, w, _("Meeting record of the visit"),
             term_attr_of(TA_LABEL));
    int visible = rows - 2;
    int first = m->meeting_sel >= visible ? m->meeting_sel - visible + 1 : 0;
    for (int i = 0; i < visible && first + i < m->n_meetings; i++) {
        bool sel = first + i == m->meeting_sel;
        int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, y + 1 + i, x + 1, w - 2, attr);
        ui_str(stdscr, y + 1 + i, x + 1, sel ? ">" : " ", 1, attr);
        ui_str(stdscr, y + 1 + i, x + 2, m->meetings[first + i].label, w - 4,
               attr);
    }
}

static void vm_draw(struct app *a, struct view *v, int top, int height,
                    int *cy, int *cx)
{
    struct visit_month *m = (struct visit_month *)v;
    int cols = getmaxx(stdscr);
    const glyph_set *g = glyphs();
    if (m->loaded_year != m->sel.year || m->loaded_month != m->sel.month)
        vm_load(a, m);
    char head[400];
    snprintf(head, sizeof head, "%s %s · %s", _("Tambon"), m->tambon,
             m->plan_title);
    ui_str(stdscr, top, 1, head, cols - 2, A_BOLD);
    int cell = cell_width(cols);
    month_grid grid = {.selected = m->sel, .today = m->today,
                       .english = i18n_is_english(), .cell = cell,
                       .day = cell > 5 ? vm_day : vm_day_narrow, .ctx = m};
    int gw = month_grid_width(&grid);
    int body = height - 2; /* the view's own status row at the bottom */
    month_grid_draw(stdscr, top + 2, 1, body - 2, &grid, cy, cx);
    int ly = top + 2 + MONTH_GRID_ROWS + 1;
    char legend[300];
    snprintf(legend, sizeof legend, "%s %s  %s %s  %s %s", g->today, _("today"),
             g->clash, _("clash"), g->overdue, _("overdue"));
    if (ly < top + body)
        ui_str(stdscr, ly, 1, legend, gw, term_attr_of(TA_LABEL));
    int lx = gw + 3, lw = cols - lx - 1;
    if (m->choosing)
        draw_chooser(m, top + 2, lx - 1, lw + 1, body - 2);
    else
        draw_day_list(m, top + 2, lx, lw, body - 2);
    char counts[300];
    snprintf(counts, sizeof counts, _("Plan: %d clashes, %d overdue, %d "
                                      "without a day · this month %d visits"),
             m->clashes, m->overdue, m->undated, m->n);
    ui_str(stdscr, top + height - 1, 1, counts, cols - 2,
           m->clashes || m->overdue ? term_attr_of(TA_ERROR)
                                    : term_attr_of(TA_LABEL));
}

static int chooser_key(struct app *a, struct visit_month *m,
                       const term_event *ev)
{
    if (ev->type != EV_KEY)
        return H_HANDLED;
    switch (ev->key) {
    case TK_UP: if (m->meeting_sel > 0) m->meeting_sel--; break;
    case TK_DOWN:
        if (m->meeting_sel < m->n_meetings - 1)
            m->meeting_sel++;
        break;
    case TK_ENTER: vm_meeting_chosen(a, m); break;
    case TK_ESC: vm_meetings_clear(m); break;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static bool is_key(uint32_t ch, char c)
{
    return ch == (uint32_t)c || ch == keymap_kedmanee((uint32_t)c);
}

static void plan_chosen(struct app *a, void *ctx, const char *id,
                        const char *label);

static void choose_plan(struct app *a)
{
    pick_spec p = {.title = _("Choose the field-visit plan"),
                   .table = "field_visit_plan", .label = "title"};
    app_push(a, pick_view_new(&p, plan_chosen, NULL));
}

static int vm_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct visit_month *m = (struct visit_month *)v;
    if (m->choosing)
        return chooser_key(a, m, ev);
    text_date d = m->sel;
    if (ev->type == EV_CHAR) {
        if (is_key(ev->ch, 'a'))
            vm_add_visit(a, m);
        else if (is_key(ev->ch, 'm'))
            vm_meeting_key(a, m);
        else if (is_key(ev->ch, 'p'))
            choose_plan(a);
        else if (is_key(ev->ch, 't'))
            d = m->today;
        else
            return H_UNKNOWN;
    } else if (ev->type == EV_KEY && month_grid_move(&d, ev->key)) {
        /* moved */
    } else if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_TAB: m->pick++; break;
        case TK_BTAB: if (m->pick > 0) m->pick--; break;
        case TK_ENTER: vm_open_visit(a, m); break;
        case TK_ESC: return H_CLOSE;
        default: return H_UNKNOWN;
        }
    } else {
        return H_UNKNOWN;
    }
    if (text_date_compare(d, m->sel) != 0) {
        m->sel = d;
        m->pick = 0;
    } else if (m->pick > 0) {
        int first, n = vm_day_visits(m, m->sel, &first);
        if (m->pick >= n)
            m->pick = 0; /* Tab wraps round the day's visits */
    }
    return H_HANDLED | H_REDRAW;
}

static void vm_on_top(struct view *v)
{
    ((struct visit_month *)v)->loaded_month = 0;
}

static void vm_destroy(struct view *v)
{
    struct visit_month *m = (struct visit_month *)v;
    vm_clear(m);
    vm_meetings_clear(m);
    free(m->visits);
    free(m);
}

/* a comes first so that a role that may only look gets the rest. */
static const view_key_help vm_keys[] = {
    {"a", N_("Add")},
    {"Enter", N_("Open")},
    {"m", N_("Meeting")},
    {"Tab", N_("Next visit")},
    {"PgUp/PgDn", N_("Month")},
    {"t", N_("Today")},
    {"p", N_("Plan")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const view_key_help vm_choose_keys[] = {
    {"Enter", N_("Choose")},
    {"Esc", N_("Cancel")},
    {NULL, NULL},
};

static const view_key_help *vm_keys_now(struct view *v)
{
    const struct visit_month *m = (const struct visit_month *)v;
    if (m->choosing)
        return vm_choose_keys;
    return m->may_edit ? vm_keys : vm_keys + 1;
}

static const struct view_ops vm_ops = {
    .name = "field_visit_month",
    .title = vm_title,
    .draw = vm_draw,
    .handle = vm_handle,
    .destroy = vm_destroy,
    .keys = vm_keys,
    .on_top = vm_on_top,
    .help = vm_help,
    .keys_now = vm_keys_now,
};

struct view *visit_month_open(struct app *a, const char *plan_id)
{
    const screen *s = screen_find(&a->screens, "field_visit_month");
    if (!s || !screen_may_view(s, app_role_codes(a), a->n_roles)) {
        app_message(a, TA_ERROR, "%s", tp_status_message(s ? TP_ERR_PERM
                                                            : TP_ERR_NOTFOUND));
        return NULL;
    }
    struct visit_month *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->base.ops = &vm_ops;
    m->s = s;
    m->visit_screen = screen_find(&a->screens, "field_visit");
    m->may_edit = screen_may_edit(s, app_role_codes(a), a->n_roles) &&
                  !db_is_read_only(a->db);
    snprintf(m->plan_id, sizeof m->plan_id, "%s", plan_id);
    m->today = m->sel = text_date_today();
    if (!vm_load(a, m)) {
        vm_destroy(&m->base);
        return NULL;
    }
    return &m->base;
}

static void plan_chosen(struct app *a, void *ctx, const char *id,
                        const char *label)
{
    (void)ctx;
    (void)label;
    /* p from the view replaces it; from the home menu it opens it */
    if (a->top && a->top->ops == &vm_ops)
        app_pop(a);
    app_push(a, visit_month_open(a, id));
}

/* From the home menu: which plan first, with the generic chooser. */
struct view *visit_month_view_new(struct app *a, const screen *s)
{
    (void)s;
    pick_spec p = {.title = _("Choose the field-visit plan"),
                   .table = "field_visit_plan", .label = "title"};
    (void)a;
    return pick_view_new(&p, plan_chosen, NULL);
}
