/* "Set my PIN": the old PIN when one is set (checked through auth_login, so
 * its failures count towards the lockout like any other try), then the new
 * PIN twice. */
#include <stdlib.h>
#include <string.h>

#include "pin_entry.h"
#include "tapian/auth.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

enum { P_OLD, P_NEW, P_AGAIN, P_COUNT };

struct pin_view {
    struct view base;
    pin_entry pins[P_COUNT];
    bool has_old;
    int focus;
};

static const char *const labels[P_COUNT] = {
    N_("Current PIN:"), N_("New PIN (4–12 digits):"), N_("New PIN again:"),
};

static const char *pin_title(struct view *v)
{
    (void)v;
    return _("Set my PIN");
}

static void pin_draw(struct app *a, struct view *v, int top, int height,
                     int *cy, int *cx)
{
    struct pin_view *p = (struct pin_view *)v;
    int cols = getmaxx(stdscr);
    (void)height;
    ui_str(stdscr, top + 1, 2, a->user, cols - 4, term_attr_of(TA_LABEL) | A_BOLD);
    int y = top + 3;
    for (int i = p->has_old ? P_OLD : P_NEW; i < P_COUNT; i++, y += 2) {
        ui_str(stdscr, y, 2, _(labels[i]), 30, term_attr_of(TA_LABEL));
        pin_entry_draw(&p->pins[i], y, 34, p->focus == i, cy, cx);
    }
    ui_wrapped(stdscr, y + 1, 2, cols - 4, 3,
               _("Thai or ASCII digits. Enter goes to the next box and saves "
                 "from the last one."),
               A_NORMAL);
}

static int refuse(struct app *a, struct pin_view *p, int focus, const char *msg)
{
    for (int i = focus; i < P_COUNT; i++)
        pin_entry_clear(&p->pins[i]);
    p->focus = focus;
    app_message(a, TA_ERROR, "%s", msg);
    return H_HANDLED | H_REDRAW;
}

/* ๑๒๓๔ and 1234 are the same PIN. */
static bool same_digits(const char *x, const char *y)
{
    size_t xn = 0, yn = 0;
    char *ax = text_convert_digits(x, strlen(x), false, &xn);
    char *ay = text_convert_digits(y, strlen(y), false, &yn);
    bool same = ax && ay && xn == yn && memcmp(ax, ay, xn) == 0;
    if (ax)
        explicit_bzero(ax, xn);
    if (ay)
        explicit_bzero(ay, yn);
    free(ax);
    free(ay);
    return same;
}

static int save(struct app *a, struct pin_view *p)
{
    if (!auth_pin_well_formed(p->pins[P_NEW].buf))
        return refuse(a, p, P_NEW, _("A PIN has 4 to 12 digits"));
    if (!same_digits(p->pins[P_NEW].buf, p->pins[P_AGAIN].buf))
        return refuse(a, p, P_NEW, _("The two new PINs differ; type them again"));
    if (p->has_old) {
        int wait = 0;
        auth_result r = auth_login(a->db, a->user_id, p->pins[P_OLD].buf, &wait);
        if (r == AUTH_WRONG)
            return refuse(a, p, P_OLD, _("The current PIN is wrong"));
        if (r == AUTH_LOCKED)
            return refuse(a, p, P_OLD, _("Too many wrong PINs: please wait"));
        if (r != AUTH_OK)
            return refuse(a, p, P_OLD, tp_status_message(TP_ERR_IO));
    }
    tp_status st = auth_set_pin(a->db, a->user_id, p->pins[P_NEW].buf);
    if (st != TP_OK)
        return refuse(a, p, P_NEW, tp_status_message(st));
    app_message(a, TA_NOTICE, "%s", _("Your PIN is set"));
    return H_CLOSE;
}

static int pin_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct pin_view *p = (struct pin_view *)v;
    int first = p->has_old ? P_OLD : P_NEW;
    if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_ESC:
            return H_CLOSE;
        case TK_ENTER:
            if (p->focus == P_AGAIN)
                return save(a, p);
            p->focus++;
            return H_HANDLED | H_REDRAW;
        case TK_TAB: case TK_DOWN:
            p->focus = p->focus == P_AGAIN ? first : p->focus + 1;
            return H_HANDLED | H_REDRAW;
        case TK_BTAB: case TK_UP:
            p->focus = p->focus == first ? P_AGAIN : p->focus - 1;
            return H_HANDLED | H_REDRAW;
        default:
            break;
        }
    }
    pin_entry_result r = pin_entry_event(&p->pins[p->focus], ev);
    pin_entry_report(a, r);
    return r == PE_UNKNOWN ? H_UNKNOWN : H_HANDLED | H_REDRAW;
}

static bool pin_typing(struct view *v)
{
    (void)v;
    return true;
}

static void pin_destroy(struct view *v)
{
    struct pin_view *p = (struct pin_view *)v;
    explicit_bzero(p->pins, sizeof p->pins);
    free(p);
}

static const view_key_help pin_keys[] = {
    {"Enter", N_("Next / Save")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

static const struct view_ops pin_ops = {
    .name = "pin",
    .title = pin_title,
    .draw = pin_draw,
    .handle = pin_handle,
    .destroy = pin_destroy,
    .keys = pin_keys,
    .typing = pin_typing,
};

struct view *pin_view_new(struct app *a)
{
    if (!a->db || !a->user_id[0]) {
        app_message(a, TA_ERROR, "%s",
                    _("Nobody is logged in: a PIN belongs to a user"));
        return NULL;
    }
    char *hash = NULL;
    tp_status st = db_user_pin_hash(a->db, a->user_id, &hash);
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s", tp_status_message(st));
        return NULL;
    }
    struct pin_view *p = calloc(1, sizeof *p);
    if (!p) {
        free(hash);
        return NULL;
    }
    p->base.ops = &pin_ops;
    p->has_old = hash != NULL;
    p->focus = p->has_old ? P_OLD : P_NEW;
    free(hash);
    return &p->base;
}
