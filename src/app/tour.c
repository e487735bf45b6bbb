/* The guided tour of `tapian demo`: each step logs in as a pilot user of
 * one role and opens the real screen that role works in, with a panel of
 * what to show above the status line. The texts are msgids, so the Thai
 * comes from the catalogue and F9 shows the English. */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/kiosk.h"
#include "tapian/ui.h"
#include "tapian/views.h"

#define PANEL_ROWS 3

struct tour_step {
    const char *login;  /* who is logged in; NULL = the identity screen */
    const char *screen; /* opened over the home screen; NULL = home */
    const char *text;
};

static const struct tour_step steps[] = {
    {NULL, NULL,
     N_("Welcome. Everyone starts here and chooses their own name. F11 next "
        "step, F12 back, F7 pause, F8 start again with a fresh copy.")},
    {"wimon", NULL,
     N_("Sponsor (khun ue), log in as wimon: the home screen counts villages, "
        "finance groups and meetings per tambon. r switches role.")},
    {"wimon", "support_commitment",
     N_("Sponsor (wimon): what the agencies promised to support. Enter opens "
        "one; a adds a commitment.")},
    {"chinnawat", "meeting",
     N_("Facilitator (khun amnuay), log in as chinnawat: the meetings of the "
        "groups. Press a to record a new meeting.")},
    {"chinnawat", "six_step",
     N_("Facilitator (chinnawat): the six steps of knowledge management of "
        "each group; / searches.")},
    {"tui", "field_visit",
     N_("Coordinator (khun prasan), log in as tui: the field visits between "
        "tambons and agencies.")},
    {"admin", "fish_sharing",
     N_("Practitioner (khun kit), shown here as admin: the sharing of know-how "
        "in the fish model, told in the practitioners' own words.")},
    {"admin", "lesson",
     N_("Recorder (khun banthuek), shown as admin: lessons learnt; typing is "
        "kept as a draft every second. F8 starts the tour again.")},
};

#define N_STEPS ((int)(sizeof steps / sizeof steps[0]))

int tour_steps(void)
{
    return N_STEPS;
}

const char *tour_text(int n)
{
    return n >= 0 && n < N_STEPS ? _(steps[n].text) : "";
}

struct who {
    int count;
    char id[DB_UUID_LEN], person[DB_UUID_LEN], login[64];
};

static void take_user(void *ctx, const db_user *u)
{
    struct who *w = ctx;
    if (w->count++ > 0)
        return;
    snprintf(w->id, sizeof w->id, "%s", u->user_id);
    snprintf(w->person, sizeof w->person, "%s", u->person_id ? u->person_id : "");
    snprintf(w->login, sizeof w->login, "%s", u->login);
}

void tour_go(struct app *a, int n)
{
    if (n < 0 || n >= N_STEPS)
        return;
    a->demo->step = n;
    a->demo->paused = false;
    while (a->top)
        app_pop(a);
    app_undo_forget(a);
    const struct tour_step *s = &steps[n];
    struct who w = {0};
    if (!s->login || db_user_by_login(a->db, s->login, take_user, &w) != TP_OK ||
        w.count == 0 || !app_logged_in(a, w.id, w.login, w.person)) {
        a->user_id[0] = a->user[0] = 0;
        a->n_roles = 0;
        db_set_roles(a->db, NULL, 0);
        app_push(a, login_view_new(a));
        return;
    }
    const screen *sc = s->screen ? screen_find(&a->screens, s->screen) : NULL;
    if (sc)
        app_push(a, app_view_for_screen(a, sc));
}

bool demo_layer(struct app *a, const term_event *ev)
{
    struct demo *d = a->demo;
    if (!d || ev->type != EV_KEY)
        return false;
    switch (ev->key) {
    case TK_F11:
        /* After a pause, F11 shows the step again where it was left. */
        if (d->paused)
            d->paused = false;
        else if (d->step + 1 < N_STEPS)
            tour_go(a, d->step + 1);
        else
            app_message(a, TA_NOTICE, "%s", _("The tour is at its last step"));
        break;
    case TK_F12:
        if (d->step > 0)
            tour_go(a, d->step - 1);
        break;
    case TK_F7:
        d->paused = !d->paused;
        break;
    case TK_F8:
        demo_reset(a);
        app_message(a, TA_NOTICE, "%s", _("A fresh copy of the pilot data"));
        break;
    default:
        return false;
    }
    a->dirty = true;
    return true;
}

int demo_panel_rows(const struct app *a)
{
    return a->demo && !a->demo->paused ? PANEL_ROWS : 0;
}

void demo_panel_draw(struct app *a, int top, int cols)
{
    int attr = term_attr_of(TA_SELECTED);
    for (int r = 0; r < PANEL_ROWS; r++)
        ui_fill(stdscr, top + r, 0, cols, attr);
    char head[160];
    snprintf(head, sizeof head, _("Tour %d/%d   F11 next  F12 back  F7 pause  "
                                  "F8 start again"),
             a->demo->step + 1, N_STEPS);
    ui_str(stdscr, top, 1, head, cols - 2, attr);
    ui_wrapped(stdscr, top + 1, 1, cols - 2, PANEL_ROWS - 1,
               tour_text(a->demo->step), term_attr_of(TA_FIELD));
}
