/* Running a learning circle (screen circle_run): choose the kind of circle,
 * then its meeting (newest first), then run it (circle_run.c). From the
 * meetings, r shows the circle's attendance rate per month and per person. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circle_view.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define MAX_MEETINGS 500
#define MAX_RATES 400

enum { STAGE_CIRCLE, STAGE_MEETING, STAGE_RATES, STAGE_RUN };

static const char *const circles[][2] = {
    {"kit", N_("Practitioners' circle (khun kit)")},
    {"amnuay", N_("Facilitators' circle (khun amnuay)")},
    {"eua", N_("Sponsors' circle (khun eua)")},
    {"mixed", N_("Mixed circle")},
    {"tambon_network", N_("Tambon network meeting")},
    {"field_stage", N_("Field stage")},
    {"knowledge_fair", N_("Knowledge fair")},
};
#define N_CIRCLES ((int)(sizeof circles / sizeof circles[0]))

struct meeting_line {
    char id[37];
    char line[256];
};

struct circle_view {
    struct view base;
    const screen *s;
    int stage;
    int circle, sel, scroll;
    struct meeting_line *meetings;
    int n_meetings;
    char **rates;   /* lines of the rates panel */
    int n_rates;
    struct circle_run run;
    bool running;
};

static bool on_meeting(void *ctx, const db_circle_meeting_row *r)
{
    struct circle_view *c = ctx;
    if (c->n_meetings >= MAX_MEETINGS)
        return false;
    struct meeting_line *m = &c->meetings[c->n_meetings++];
    char date[40];
    snprintf(m->id, sizeof m->id, "%s", r->id);
    circle_date(r->held_on, date, sizeof date);
    snprintf(m->line, sizeof m->line, "%-*s %4d  %s",
             11 + (int)(strlen(date) - (size_t)text_width(date, strlen(date))),
             date, r->attendees, r->title);
    return true;
}

static void load_meetings(struct app *a, struct circle_view *c)
{
    c->n_meetings = 0;
    tp_status s = db_circle_meetings(a->db, circles[c->circle][0], on_meeting, c);
    if (s != TP_OK)
        app_message(a, TA_ERROR, "%s", tp_status_message(s));
}

static void add_rate(struct circle_view *c, const char *s)
{
    if (c->n_rates < MAX_RATES && (c->rates[c->n_rates] = strdup(s)))
        c->n_rates++;
}

static void rate_line(struct circle_view *c, const char *what,
                      const db_circle_tally *r)
{
    char buf[256];
    char pct[16] = "   -"; /* nobody listed: no rate, rather than 0% */
    if (r->listed)
        snprintf(pct, sizeof pct, "%3lld%%",
                 (r->came * 100 + r->listed / 2) / r->listed);
    int pad = 22 + (int)(strlen(what) - (size_t)text_width(what, strlen(what)));
    /* the figures behind the percentage are always shown with it */
    snprintf(buf, sizeof buf, "  %-*s %6lld %5lld/%-5lld %s", pad, what,
             r->meetings, r->came, r->listed, pct);
    add_rate(c, buf);
}

static bool on_month(void *ctx, const db_circle_tally *r)
{
    char what[64];
    int y = 0, m = 0;
    if (sscanf(r->key, "%d-%d", &y, &m) == 2 && text_month_name(m))
        snprintf(what, sizeof what, "%s %d", text_month_name(m), y + 543);
    else
        snprintf(what, sizeof what, "%s", r->key);
    rate_line(ctx, what, r);
    return true;
}

static bool on_person(void *ctx, const db_circle_tally *r)
{
    rate_line(ctx, r->key, r);
    return true;
}

/* Column titles over the rate lines; printf pads by bytes, so the padding
 * is counted in display columns here. */
static void heading(char *buf, size_t size, const char *what,
                    const char *count)
{
    const char *cl = _("Came/listed");
    int w1 = 24 - text_width(what, strlen(what));
    int w2 = 7 - text_width(count, strlen(count));
    int w3 = 12 - text_width(cl, strlen(cl));
    snprintf(buf, size, "%s%*s%*s%s%*s%s  %%", what, w1 > 0 ? w1 : 1, "",
             w2 > 0 ? w2 : 1, "", count, w3 > 0 ? w3 : 1, "", cl);
}

static void load_rates(struct app *a, struct circle_view *c)
{
    for (int i = 0; i < c->n_rates; i++)
        free(c->rates[i]);
    c->n_rates = 0;
    char head[256];
    heading(head, sizeof head, _("Month"), _("Meetings"));
    add_rate(c, head);
    tp_status s = db_circle_rate_by_month(a->db, circles[c->circle][0],
                                          on_month, c);
    add_rate(c, "");
    heading(head, sizeof head, _("Person"), _("Listed"));
    add_rate(c, head);
    if (s == TP_OK)
        s = db_circle_rate_by_person(a->db, circles[c->circle][0], NULL,
                                     on_person, c);
    if (s != TP_OK)
        app_message(a, TA_ERROR, "%s", tp_status_message(s));
}

static const char *circle_title(struct view *v)
{
    struct circle_view *c = (struct circle_view *)v;
    return screen_title(c->s);
}

static void draw_list(int top, int height, int sel, int *scroll, int n,
                      const char *(*line)(struct circle_view *, int),
                      struct circle_view *c, bool selectable)
{
    int cols = getmaxx(stdscr);
    if (sel < *scroll)
        *scroll = sel;
    if (sel >= *scroll + height)
        *scroll = sel - height + 1;
    for (int i = 0; i < height && *scroll + i < n; i++) {
        bool on = selectable && *scroll + i == sel;
        int attr = on ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, top + i, 1, cols - 2, attr);
        ui_str(stdscr, top + i, 1, line(c, *scroll + i), cols - 2, attr);
    }
}

static const char *circle_line(struct circle_view *c, int i)
{
    (void)c;
    return _(circles[i][1]);
}

static const char *meeting_line(struct circle_view *c, int i)
{
    return c->meetings[i].line;
}

static const char *rate_text(struct circle_view *c, int i)
{
    return c->rates[i];
}

static void circle_draw(struct app *a, struct view *v, int top, int height,
                        int *cy, int *cx)
{
    struct circle_view *c = (struct circle_view *)v;
    int cols = getmaxx(stdscr);
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    (void)a;
    switch (c->stage) {
    case STAGE_CIRCLE:
        ui_str(stdscr, top, 1, _("Which circle?"), cols - 2, lattr);
        draw_list(top + 2, height - 2, c->sel, &c->scroll, N_CIRCLES,
                  circle_line, c, true);
        break;
    case STAGE_MEETING:
        ui_str(stdscr, top, 1, _(circles[c->circle][1]), cols - 2, lattr);
        ui_str(stdscr, top + 1, 1, _("Date          Came  Meeting (newest first)"),
               cols - 2, A_NORMAL);
        if (!c->n_meetings)
            ui_str(stdscr, top + 2, 1, _("No meetings of this circle yet"),
                   cols - 2, A_NORMAL);
        draw_list(top + 2, height - 2, c->sel, &c->scroll, c->n_meetings,
                  meeting_line, c, true);
        break;
    case STAGE_RATES: {
        char head[256];
        snprintf(head, sizeof head, "%s: %s", _("Attendance rate"),
                 _(circles[c->circle][1]));
        ui_str(stdscr, top, 1, head, cols - 2, lattr);
        draw_list(top + 2, height - 2, c->scroll, &c->scroll, c->n_rates,
                  rate_text, c, false);
        break;
    }
    default:
        circle_run_draw(&c->run, top, height, cy, cx);
    }
}

static int open_meeting(struct app *a, struct circle_view *c)
{
    if (c->sel >= c->n_meetings)
        return H_HANDLED;
    bool ro = !screen_may_edit(c->s, app_role_codes(a), a->n_roles) ||
              db_is_read_only(a->db);
    tp_status s = circle_run_open(a, &c->run, c->meetings[c->sel].id, ro);
    c->running = true;
    if (s != TP_OK) {
        circle_run_close(&c->run);
        c->running = false;
        app_message(a, TA_ERROR, "%s", tp_status_message(s));
        return H_HANDLED | H_REDRAW;
    }
    c->stage = STAGE_RUN;
    return H_HANDLED | H_REDRAW;
}

static void leave_run(struct app *a, struct circle_view *c)
{
    circle_run_close(&c->run);
    c->running = false;
    c->stage = STAGE_MEETING;
    load_meetings(a, c); /* the counts may have changed */
}

static void discard_run(struct app *a, void *ctx)
{
    struct circle_view *c = ctx;
    circle_run_discard(a, &c->run);
    app_pop(a); /* the question */
    leave_run(a, c);
}

static int list_keys(struct circle_view *c, int n, const term_event *ev)
{
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (c->sel > 0) c->sel--; return H_HANDLED | H_REDRAW;
    case TK_DOWN: if (c->sel + 1 < n) c->sel++; return H_HANDLED | H_REDRAW;
    case TK_PGUP: c->sel = c->sel > 10 ? c->sel - 10 : 0; return H_HANDLED | H_REDRAW;
    case TK_PGDN:
        c->sel = c->sel + 10 < n ? c->sel + 10 : (n ? n - 1 : 0);
        return H_HANDLED | H_REDRAW;
    default: return H_UNKNOWN;
    }
}

static int circle_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct circle_view *c = (struct circle_view *)v;
    bool enter = ev->type == EV_KEY && ev->key == TK_ENTER;
    bool esc = ev->type == EV_KEY && ev->key == TK_ESC;
    switch (c->stage) {
    case STAGE_CIRCLE:
        if (enter) {
            c->circle = c->sel;
            c->sel = c->scroll = 0;
            c->stage = STAGE_MEETING;
            load_meetings(a, c);
            return H_HANDLED | H_REDRAW;
        }
        return esc ? H_CLOSE : list_keys(c, N_CIRCLES, ev);
    case STAGE_MEETING:
        if (enter)
            return open_meeting(a, c);
        if (ev->type == EV_CHAR && ev->ch == 'r') {
            load_rates(a, c);
            c->stage = STAGE_RATES;
            c->scroll = 0;
            return H_HANDLED | H_REDRAW;
        }
        if (esc) {
            c->stage = STAGE_CIRCLE;
            c->sel = c->circle;
            c->scroll = 0;
            return H_HANDLED | H_REDRAW;
        }
        return list_keys(c, c->n_meetings, ev);
    case STAGE_RATES:
        if (esc) {
            c->stage = STAGE_MEETING;
            c->scroll = 0;
            return H_HANDLED | H_REDRAW;
        }
        if (ev->type == EV_KEY && ev->key == TK_DOWN && c->scroll + 1 < c->n_rates)
            c->scroll++;
        else if (ev->type == EV_KEY && ev->key == TK_UP && c->scroll > 0)
            c->scroll--;
        else
            return H_UNKNOWN;
        return H_HANDLED | H_REDRAW;
    default: {
        int r = circle_run_handle(a, &c->run, ev);
        if (!(r & H_CLOSE))
            return r;
        if (circle_run_unsaved(&c->run)) {
            app_push(a, confirm_view_new(_("Discard what you changed in this "
                                           "meeting?"), discard_run, c));
            return H_HANDLED;
        }
        leave_run(a, c);
        return H_HANDLED | H_REDRAW;
    }
    }
}

static bool circle_unsaved(struct view *v)
{
    struct circle_view *c = (struct circle_view *)v;
    return c->running && circle_run_unsaved(&c->run);
}

static void circle_save_draft(struct app *a, struct view *v)
{
    struct circle_view *c = (struct circle_view *)v;
    if (c->running)
        circle_run_save_draft(a, &c->run);
}

static bool circle_typing(struct view *v)
{
    struct circle_view *c = (struct circle_view *)v;
    return c->running && circle_run_typing(&c->run);
}

static const char *circle_help(struct view *v)
{
    return screen_help(((struct circle_view *)v)->s);
}

static void circle_destroy(struct view *v)
{
    struct circle_view *c = (struct circle_view *)v;
    if (c->running)
        circle_run_close(&c->run);
    for (int i = 0; i < c->n_rates; i++)
        free(c->rates[i]);
    free(c->rates);
    free(c->meetings);
    free(c);
}

static const view_key_help circle_keys[] = {
    {"Enter", N_("Open")},
    {"Space", N_("Attendance")},
    {"a", N_("Add participant")},
    {"o", N_("Add observer")},
    {"Tab", N_("Next part")},
    {"F2", N_("Save")},
    {"r", N_("Rates")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops circle_ops = {
    .name = "circle_run",
    .title = circle_title,
    .draw = circle_draw,
    .handle = circle_handle,
    .unsaved = circle_unsaved,
    .save_draft = circle_save_draft,
    .destroy = circle_destroy,
    .keys = circle_keys,
    .typing = circle_typing,
    .help = circle_help,
};

struct view *circle_view_new(struct app *a, const screen *s)
{
    struct circle_view *c = calloc(1, sizeof *c);
    if (!c || !a->db)
        return free(c), NULL;
    c->base.ops = &circle_ops;
    c->s = s;
    c->meetings = calloc(MAX_MEETINGS, sizeof *c->meetings);
    c->rates = calloc(MAX_RATES, sizeof *c->rates);
    if (!c->meetings || !c->rates) {
        circle_destroy(&c->base);
        return NULL;
    }
    return &c->base;
}
