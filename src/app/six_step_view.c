/* The six-step board (screen six_steps): keys over the model of
 * six_step_board.c. Tab climbs village → tambon → amphoe → province, Enter
 * goes down a level, or at a village opens the step's record in the generic
 * form (creating it, not started, when the village has none yet). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "six_step_board.h"
#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/views.h"

struct six_view {
    struct view base;
    const screen *s;
    struct six_board b;
    bool stale;
};

static const char *six_title(struct view *v)
{
    return screen_title(((struct six_view *)v)->s);
}

static const char *six_help(struct view *v)
{
    return screen_help(((struct six_view *)v)->s);
}

static void six_draw(struct app *a, struct view *v, int top, int height,
                     int *cy, int *cx)
{
    struct six_view *sv = (struct six_view *)v;
    (void)cy;
    (void)cx;
    if (sv->stale) {
        tp_status st = six_board_load(a->db, &sv->b);
        if (st != TP_OK)
            app_message(a, TA_ERROR, "%s", tp_status_message(st));
        sv->stale = false;
    }
    six_board_draw(&sv->b, top, height, getmaxx(stdscr));
}

/* Opens the village's record of the selected step, making it first when
 * there is none (a missing row means "not started", so nothing changes in
 * meaning). */
static void open_cell(struct app *a, struct six_view *sv)
{
    const struct six_row *r = &sv->b.rows[sv->b.selected];
    const screen *form = screen_for_table(&a->screens, "six_step");
    if (!form)
        return;
    char id[DB_UUID_LEN] = "";
    bool found;
    tp_status st = db_six_step_find(a->db, r->id, sv->b.step + 1, id, &found);
    if (st == TP_OK && !found) {
        if (!screen_may_edit(form, app_role_codes(a), a->n_roles)) {
            app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
            return;
        }
        db_value vals[] = {
            DB_V_TEXT("village_id", r->id),
            DB_V_INT("step", sv->b.step + 1),
            DB_V_TEXT("status", "not_started"),
        };
        st = db_insert(a->db, "six_step", vals, 3, id);
    }
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s", tp_status_message(st));
        return;
    }
    struct view *f = form_view_new(a, form, id);
    if (f)
        app_push(a, f);
}

/* Enter on an area: show the level below, on the rows of that area. */
static void go_down(struct six_view *sv)
{
    struct six_board *b = &sv->b;
    const struct six_row *r = &b->rows[b->selected];
    if (b->level == SIX_TAMBON) {
        snprintf(b->tambon_id, sizeof b->tambon_id, "%s", r->id);
        snprintf(b->tambon, sizeof b->tambon, "%s", r->name);
        b->selected = 0;
    }
    b->level = (six_level)(b->level - 1);
    b->first = 0;
    sv->stale = true;
}

static int six_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct six_view *sv = (struct six_view *)v;
    struct six_board *b = &sv->b;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (b->selected > 0) b->selected--; break;
    case TK_DOWN: if (b->selected + 1 < b->n) b->selected++; break;
    case TK_PGUP: b->selected = b->selected > 10 ? b->selected - 10 : 0; break;
    case TK_PGDN:
        b->selected = b->selected + 10 < b->n ? b->selected + 10
                                              : (b->n ? b->n - 1 : 0);
        break;
    case TK_LEFT: if (b->step > 0) b->step--; break;
    case TK_RIGHT: if (b->step + 1 < DB_SIX_STEPS) b->step++; break;
    case TK_TAB:
    case TK_BTAB:
        b->level = (six_level)((b->level + (ev->key == TK_TAB ? 1 : SIX_LEVELS - 1))
                               % SIX_LEVELS);
        b->selected = b->first = 0;
        sv->stale = true;
        break;
    case TK_ENTER:
        if (!b->n)
            break;
        if (b->level == SIX_VILLAGE) {
            open_cell(a, sv);
            sv->stale = true;
        } else {
            go_down(sv);
        }
        break;
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static void six_on_top(struct view *v)
{
    struct six_view *sv = (struct six_view *)v;
    sv->stale = true; /* a form may have changed a step */
    sv->b.waves_fresh = false;
}

static void six_destroy(struct view *v)
{
    struct six_view *sv = (struct six_view *)v;
    six_board_free(&sv->b);
    free(sv);
}

static const view_key_help six_keys[] = {
    {"Tab", N_("Level")},
    {"Enter", N_("Open")},
    {"←→", N_("Step")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops six_ops = {
    .name = "six_steps",
    .title = six_title,
    .draw = six_draw,
    .handle = six_handle,
    .destroy = six_destroy,
    .keys = six_keys,
    .on_top = six_on_top,
    .help = six_help,
};

struct view *six_step_view_new(struct app *a, const screen *s)
{
    (void)a;
    struct six_view *sv = calloc(1, sizeof *sv);
    if (!sv)
        return NULL;
    sv->base.ops = &six_ops;
    sv->s = s;
    sv->stale = true;
    return &sv->base;
}
