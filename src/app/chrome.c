/* The frame around every view: title bar, status line, key help line, and
 * the message shown while the terminal is too small. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/kiosk.h"
#include "tapian/text.h"
#include "tapian/ui.h"

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : (path ? path : "");
}

static void draw_title(struct app *a, int cols)
{
    int attr = term_attr_of(TA_TITLE);
    ui_fill(stdscr, 0, 0, cols, attr);
    int x = ui_str(stdscr, 0, 1, "tapian", cols - 1, attr) + 1;
    if (a->top && a->top->ops->title) {
        x += ui_str(stdscr, 0, x, " — ", cols - x, attr);
        ui_str(stdscr, 0, x, a->top->ops->title(a->top), cols - x - 1, attr);
    }
}

/* Right side, from the right edge: the keyboard (always whole), the user,
 * the database file (clipped first when space runs out). The message gets
 * what is left on the left. */
static void draw_status(struct app *a, int row, int cols)
{
    int attr = term_attr_of(TA_STATUS);
    ui_fill(stdscr, row, 0, cols, attr);
    char kbd[64], user[128], name[400];
    snprintf(kbd, sizeof kbd, "%s %s", _("Keyboard:"),
             a->thai_keyboard ? "ไทย" : "ENG");
    snprintf(user, sizeof user, "%s %s │ ", _("User:"), a->user[0] ? a->user : "—");
    /* A kiosk's recorder cares more for the last exchange with the
     * province than for the file name (kiosk.c). */
    if (a->sync_dir[0])
        sync_info(a->sync_dir, name, sizeof name);
    else
        snprintf(name, sizeof name, "%s%s", base_name(a->db_path),
                 a->db && db_is_read_only(a->db) ? _(" (read-only)") : "");
    int wk = text_width(kbd, strlen(kbd));
    int wu = text_width(user, strlen(user));
    int x = cols - 1 - wk;
    ui_str(stdscr, row, x, kbd, wk, attr | A_BOLD);
    x -= wu;
    ui_str(stdscr, row, x, user, wu, attr);
    /* the file name takes at most this; the sync time needs more */
    int room = x - (a->sync_dir[0] ? cols / 4 : cols / 2) - 3;
    if (room > 0) {
        char *clipped = text_clip_copy(name, strlen(name), room, true);
        if (clipped) {
            char file[440];
            snprintf(file, sizeof file, "%s │ ", clipped);
            int wf = text_width(file, strlen(file));
            x -= wf;
            ui_str(stdscr, row, x, file, wf, attr);
            free(clipped);
        }
    }
    if (a->message[0]) {
        int mattr = a->message_attr == TA_ERROR
                        ? term_attr_of(TA_ERROR) | A_REVERSE
                        : attr | A_BOLD;
        ui_str(stdscr, row, 1, a->message, x - 2, mattr);
    }
}

const view_key_help *app_view_keys(struct view *v)
{
    if (!v)
        return NULL;
    const view_key_help *k = v->ops->keys_now ? v->ops->keys_now(v) : NULL;
    return k ? k : v->ops->keys;
}

static void draw_keyhelp(struct app *a, int row, int cols)
{
    int attr = term_attr_of(TA_KEYHELP);
    ui_fill(stdscr, row, 0, cols, attr);
    /* Help and quit first: they must stay visible however many keys the
     * view has; a view key that does not fit whole is left out (? lists
     * them all). */
    char line[512], tail[64], item[128];
    size_t n = (size_t)snprintf(line, sizeof line, "F1 %s  F10 %s  ", _("Help"),
                                _("Quit"));
    snprintf(tail, sizeof tail, "` %s", _("Thai/ENG"));
    int used = text_width(line, n);
    int room = cols - text_width(tail, strlen(tail));
    const view_key_help *keys = app_view_keys(a->top);
    if (keys)
        for (const view_key_help *k = keys; k->key; k++) {
            int len = snprintf(item, sizeof item, "%s %s  ", k->key, _(k->what));
            int w = text_width(item, (size_t)len);
            if (used + w > room || n + (size_t)len >= sizeof line - sizeof tail)
                continue; /* a shorter key further on may still fit */
            memcpy(line + n, item, (size_t)len + 1);
            n += (size_t)len;
            used += w;
        }
    snprintf(line + n, sizeof line - n, "%s", tail);
    ui_str(stdscr, row, 0, line, cols, attr);
}

void chrome_draw(struct app *a)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    draw_title(a, cols);
    draw_status(a, rows - 2, cols);
    draw_keyhelp(a, rows - 1, cols);
}

void chrome_draw_too_small(struct app *a, int rows, int cols)
{
    (void)a;
    char need[128];
    snprintf(need, sizeof need, _("Needs at least %d×%d; now %d×%d."),
             APP_MIN_COLS, APP_MIN_ROWS, cols, rows);
    int y = rows / 2 - 1;
    if (y < 0)
        y = 0;
    ui_wrapped(stdscr, y, 0, cols, 2, _("The window is too small."),
               term_attr_of(TA_ERROR));
    if (y + 1 < rows)
        ui_wrapped(stdscr, y + 1, 0, cols, 2, need, A_NORMAL);
    if (y + 2 < rows)
        ui_wrapped(stdscr, y + 2, 0, cols, 1,
                   _("Enlarge it to go on; nothing typed is lost."), A_NORMAL);
}
