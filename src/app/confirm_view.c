/* A yes/no question drawn over the view below it. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/keymap.h"
#include "tapian/text.h"
#include "tapian/ui.h"

struct confirm_view {
    struct view base;
    const char *question;
    void (*on_yes)(struct app *a, void *ctx);
    void *ctx;
};

static const char *confirm_title(struct view *v)
{
    struct view *below = v->below;
    return below && below->ops->title ? below->ops->title(below) : "";
}

static void confirm_draw(struct app *a, struct view *v, int top, int height,
                         int *cy, int *cx)
{
    struct confirm_view *c = (struct confirm_view *)v;
    int cols = getmaxx(stdscr);
    int ignore_y = -1, ignore_x = -1;
    if (v->below)
        v->below->ops->draw(a, v->below, top, height, &ignore_y, &ignore_x);
    int w = cols - 16, x = 8, y = top + height / 2 - 3;
    int attr = term_attr_of(TA_SELECTED);
    for (int i = 0; i < 6; i++)
        ui_fill(stdscr, y + i, x, w, attr);
    ui_wrapped(stdscr, y + 1, x + 2, w - 4, 2, c->question, attr);
    ui_str(stdscr, y + 4, x + 2, _("y = yes    n / Esc = no"), w - 4, attr);
    *cy = y + 4;
    *cx = x + 2;
}

/* With the built-in Thai keyboard on, the y key arrives as a Thai letter. */
static bool is_yes(uint32_t ch)
{
    return ch == 'y' || ch == 'Y' || ch == keymap_kedmanee('y') ||
           ch == keymap_kedmanee('Y');
}

static bool is_no(uint32_t ch)
{
    return ch == 'n' || ch == 'N' || ch == keymap_kedmanee('n') ||
           ch == keymap_kedmanee('N');
}

static int confirm_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct confirm_view *c = (struct confirm_view *)v;
    if (ev->type == EV_CHAR && is_yes(ev->ch)) {
        void (*fn)(struct app *, void *) = c->on_yes;
        void *ctx = c->ctx;
        app_pop(a); /* frees c */
        fn(a, ctx);
        return H_HANDLED | H_REDRAW;
    }
    if ((ev->type == EV_CHAR && is_no(ev->ch)) ||
        (ev->type == EV_KEY && ev->key == TK_ESC))
        return H_CLOSE;
    /* Everything else waits for an answer, F10 included. */
    return H_HANDLED;
}

static void confirm_destroy(struct view *v)
{
    free(v);
}

static const view_key_help confirm_keys[] = {
    {"y", N_("Yes")},
    {"n", N_("No")},
    {NULL, NULL},
};

static const struct view_ops confirm_ops = {
    .name = "confirm",
    .title = confirm_title,
    .draw = confirm_draw,
    .handle = confirm_handle,
    .destroy = confirm_destroy,
    .keys = confirm_keys,
};

struct view *confirm_view_new(const char *question,
                              void (*on_yes)(struct app *a, void *ctx),
                              void *ctx)
{
    struct confirm_view *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->base.ops = &confirm_ops;
    c->question = question;
    c->on_yes = on_yes;
    c->ctx = ctx;
    return &c->base;
}
