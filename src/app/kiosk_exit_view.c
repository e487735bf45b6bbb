/* Leaving a kiosk: only with the PIN of the user `admin` (checked through
 * auth_login, so wrong tries count towards its lockout). Without a PIN set
 * for admin the program cannot be left from the keyboard at all. */
#include <stdio.h>
#include <stdlib.h>

#include "pin_entry.h"
#include "tapian/auth.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/kiosk.h"
#include "tapian/ui.h"

#define KIOSK_ADMIN "admin"

struct exit_view {
    struct view base;
    pin_entry pin;
    char admin_id[DB_UUID_LEN];
    bool admin_has_pin;
};

static void take_admin(void *ctx, const db_user *u)
{
    struct exit_view *e = ctx;
    snprintf(e->admin_id, sizeof e->admin_id, "%s", u->user_id);
    e->admin_has_pin = u->has_pin;
}

static const char *exit_title(struct view *v)
{
    (void)v;
    return _("Leave the kiosk");
}

static void exit_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct exit_view *e = (struct exit_view *)v;
    int cols = getmaxx(stdscr);
    (void)a;
    (void)height;
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    ui_wrapped(stdscr, top + 1, 2, cols - 4, 2,
               _("This machine is a kiosk: only the administrator may leave "
                 "the program."), A_NORMAL);
    if (!e->admin_has_pin) {
        ui_wrapped(stdscr, top + 4, 2, cols - 4, 2,
                   _("The user admin has no PIN, so the kiosk cannot be left "
                     "here. Esc goes back."), term_attr_of(TA_ERROR));
        return;
    }
    int w = ui_str(stdscr, top + 4, 2, _("PIN of admin:"), cols / 2, lattr);
    pin_entry_draw(&e->pin, top + 4, 3 + w, true, cy, cx);
    ui_str(stdscr, top + 6, 2, _("Enter leaves; Esc goes back to work"),
           cols - 4, A_NORMAL);
}

static int check(struct app *a, struct exit_view *e)
{
    int wait = 0;
    auth_result r = auth_pin_well_formed(e->pin.buf)
                        ? auth_login(a->db, e->admin_id, e->pin.buf, &wait)
                        : AUTH_WRONG;
    pin_entry_clear(&e->pin);
    if (r == AUTH_OK) {
        app_save_drafts(a);
        a->quit = true;
        return H_HANDLED;
    }
    app_message(a, TA_ERROR, "%s",
                r == AUTH_LOCKED ? _("Too many wrong PINs: please wait")
                                 : _("Wrong PIN: the kiosk stays open"));
    return H_HANDLED | H_REDRAW;
}

static int exit_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct exit_view *e = (struct exit_view *)v;
    if (ev->type == EV_KEY && ev->key == TK_ESC)
        return H_CLOSE;
    if (ev->type == EV_KEY && ev->key == TK_ENTER)
        return e->admin_has_pin ? check(a, e) : H_HANDLED;
    /* F10 again does not get past this screen. */
    if (ev->type == EV_KEY && ev->key == TK_F10)
        return H_HANDLED;
    if (!e->admin_has_pin)
        return H_UNKNOWN;
    pin_entry_result r = pin_entry_event(&e->pin, ev);
    pin_entry_report(a, r);
    return r == PE_UNKNOWN ? H_UNKNOWN : H_HANDLED | H_REDRAW;
}

static bool exit_typing(struct view *v)
{
    return ((struct exit_view *)v)->admin_has_pin;
}

static void exit_destroy(struct view *v)
{
    struct exit_view *e = (struct exit_view *)v;
    pin_entry_clear(&e->pin);
    free(e);
}

static const view_key_help exit_keys[] = {
    {"Enter", N_("Leave")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops exit_ops = {
    .name = "kiosk_exit",
    .title = exit_title,
    .draw = exit_draw,
    .handle = exit_handle,
    .destroy = exit_destroy,
    .keys = exit_keys,
    .typing = exit_typing,
};

struct view *kiosk_exit_view_new(struct app *a)
{
    struct exit_view *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->base.ops = &exit_ops;
    if (db_user_by_login(a->db, KIOSK_ADMIN, take_admin, e) != TP_OK)
        e->admin_id[0] = 0;
    if (!e->admin_id[0])
        e->admin_has_pin = false;
    return &e->base;
}
