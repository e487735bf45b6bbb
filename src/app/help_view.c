/* The help screen: the keys of the view it was opened from, then the global
 * keys, both from the same tables the dispatch uses. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

struct help_view {
    struct view base;
    struct view *about;
};

static const char *help_title(struct view *v)
{
    (void)v;
    return _("Help");
}

static const char *describe_key(term_key k, uint32_t ch, char *buf, size_t n)
{
    if (k >= TK_F1 && k <= TK_F12)
        snprintf(buf, n, "F%d", (int)(k - TK_F1) + 1);
    else if (k >= TK_CTRL_A && k <= TK_CTRL_LAST)
        snprintf(buf, n, "Ctrl-%c", 'A' + (int)(k - TK_CTRL_A));
    else
        buf[0] = 0;
    if (ch) {
        size_t len = 0;
        while (buf[len])
            len++;
        snprintf(buf + len, n - len, "%s%c", len ? " / " : "", (char)ch);
    }
    return buf;
}

static void help_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct help_view *h = (struct help_view *)v;
    int cols = getmaxx(stdscr);
    int y = top + 1, end = top + height;
    (void)a;
    (void)cy;
    (void)cx;
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    const char *about_help = h->about && h->about->ops->help
                                 ? h->about->ops->help(h->about) : NULL;
    if (about_help && *about_help) {
        y += ui_wrapped(stdscr, y, 2, cols - 4, end - y - 8, about_help, A_NORMAL);
        y++;
    }
    const view_key_help *keys = app_view_keys(h->about);
    if (keys) {
        char t[160];
        snprintf(t, sizeof t, "%s: %s", _("This screen"),
                 h->about->ops->title ? h->about->ops->title(h->about) : "");
        ui_str(stdscr, y++, 2, t, cols - 4, lattr);
        for (const view_key_help *k = keys; k->key && y < end; k++, y++) {
            ui_str(stdscr, y, 4, k->key, 14, A_BOLD);
            ui_str(stdscr, y, 20, _(k->what), cols - 22, A_NORMAL);
        }
        y++;
    }
    if (y < end)
        ui_str(stdscr, y++, 2, _("Everywhere"), cols - 4, lattr);
#define HELP_ROW(id, key, ch, label, help)                                    \
    if (y < end) {                                                            \
        char kn[32];                                                          \
        ui_str(stdscr, y, 4, describe_key(key, ch, kn, sizeof kn), 14, A_BOLD);   \
        ui_str(stdscr, y, 20, _(help), cols - 22, A_NORMAL);                  \
        y++;                                                                  \
    }
    APP_ACTIONS(HELP_ROW)
#undef HELP_ROW
    if (y + 1 < end)
        ui_wrapped(stdscr, y + 1, 2, cols - 4, end - y - 1,
                   _("Typing Thai: Backspace removes one character (the tone "
                     "mark first); arrows and Delete move over whole "
                     "characters. A mark typed in the wrong order is put "
                     "right; one that cannot follow is refused."),
                   A_NORMAL);
}

static int help_handle(struct app *a, struct view *v, const term_event *ev)
{
    (void)a;
    (void)v;
    if (ev->type == EV_KEY &&
        (ev->key == TK_ESC || ev->key == TK_F1 || ev->key == TK_ENTER))
        return H_CLOSE;
    if (ev->type == EV_CHAR && (ev->ch == 'q' || ev->ch == '?'))
        return H_CLOSE;
    return H_UNKNOWN;
}

static void help_destroy(struct view *v)
{
    free(v);
}

static const view_key_help help_keys[] = {
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops help_ops = {
    .name = "help",
    .title = help_title,
    .draw = help_draw,
    .handle = help_handle,
    .destroy = help_destroy,
    .keys = help_keys,
};

struct view *help_view_new(struct view *about)
{
    struct help_view *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->base.ops = &help_ops;
    h->about = about;
    return &h->base;
}
