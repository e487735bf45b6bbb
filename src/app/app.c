/* The event loop: draw what is dirty, read one event, offer it to the view
 * on top, then to the global key map. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/keymap.h"
#include "tapian/kiosk.h"

/* An idle turn after this long without a key saves drafts, so what was
 * typed is on disk within a second of the last key. */
#define IDLE_MS 1000
/* The daily backup copies for this long between looks at the keyboard, so
 * a key waits at most about this long while it runs. */
#define BACKUP_SLICE_MS 20

long long app_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_push(struct app *a, struct view *v)
{
    if (!v)
        return;
    v->below = a->top;
    a->top = v;
    a->dirty = true;
}

void app_pop(struct app *a)
{
    struct view *v = a->top;
    if (!v)
        return;
    a->top = v->below;
    v->ops->destroy(v);
    if (a->top && a->top->ops->on_top)
        a->top->ops->on_top(a->top);
    a->dirty = true;
}

void app_message(struct app *a, term_attr attr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
    a->message_attr = attr;
    a->dirty = true;
}

const char *const *app_role_codes(const struct app *a)
{
    return a->role_ptrs;
}

bool app_unsaved(const struct app *a)
{
    for (struct view *v = a->top; v; v = v->below)
        if (v->ops->unsaved && v->ops->unsaved(v))
            return true;
    return false;
}

void app_save_drafts(struct app *a)
{
    for (struct view *v = a->top; v; v = v->below)
        if (v->ops->save_draft)
            v->ops->save_draft(a, v);
}

static void quit_now(struct app *a, void *ctx)
{
    (void)ctx;
    app_save_drafts(a);
    a->quit = true;
}

static void draw(struct app *a)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    a->too_small = rows < APP_MIN_ROWS || cols < APP_MIN_COLS;
    werase(stdscr);
    if (a->too_small) {
        chrome_draw_too_small(a, rows, cols);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    int cy = -1, cx = -1;
    int panel = demo_panel_rows(a);
    if (a->top)
        a->top->ops->draw(a, a->top, 1, rows - 3 - panel, &cy, &cx);
    if (panel)
        demo_panel_draw(a, rows - 2 - panel, cols);
    chrome_draw(a);
    if (cy >= 0 && cx >= 0) {
        curs_set(1);
        leaveok(stdscr, FALSE);
        wmove(stdscr, cy, cx);
    } else {
        /* A hidden cursor may stay wherever the update left it: ncurses
         * then sends no move to park it (8 bytes a key on a list). Where
         * it cannot be hidden, it is parked in the corner. */
        leaveok(stdscr, curs_set(0) != ERR);
        wmove(stdscr, rows - 1, cols - 1);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

static bool matches_action(const term_event *ev, term_key key, uint32_t ch)
{
    if (ev->type == EV_KEY && key != TK_NONE && ev->key == key)
        return true;
    return ev->type == EV_CHAR && ch != 0 && ev->ch == ch;
}

static int global_action(struct app *a, app_action act)
{
    switch (act) {
    case ACT_HELP:
        app_push(a, help_view_new(a->top));
        return H_HANDLED;
    case ACT_QUIT:
        /* A kiosk is left only with the admin PIN (kiosk_exit_view.c). */
        if (a->kiosk) {
            if (strcmp(a->top->ops->name, "kiosk_exit") != 0)
                app_push(a, kiosk_exit_view_new(a));
        } else if (app_unsaved(a))
            app_push(a, confirm_view_new(
                            _("Some typing is not saved as a record (a draft "
                              "is kept). Quit anyway?"),
                            quit_now, NULL));
        else
            quit_now(a, NULL);
        return H_HANDLED;
    case ACT_KEYBOARD:
        a->thai_keyboard = !a->thai_keyboard;
        return H_HANDLED | H_REDRAW;
    case ACT_LANGUAGE:
        i18n_set_english(!i18n_is_english());
        return H_HANDLED | H_REDRAW;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return H_HANDLED | H_REDRAW;
    default:
        return H_UNKNOWN;
    }
}

static int dispatch_global(struct app *a, const term_event *ev, bool typing)
{
#define APP_ACTION_MATCH(id, key, ch, label, help)                            \
    if (matches_action(ev, key, (typing && id != ACT_KEYBOARD) ? 0 : (ch)))   \
        return global_action(a, id);
    APP_ACTIONS(APP_ACTION_MATCH)
#undef APP_ACTION_MATCH
    return H_UNKNOWN;
}

/* The grave key toggles the built-in keyboard before anything else sees it,
 * as on a Thai keyboard; with it on, ASCII keys become Kedmanee letters. */
static bool keyboard_layer(struct app *a, term_event *ev)
{
    if (ev->type != EV_CHAR)
        return false;
    if (ev->ch == '`') {
        global_action(a, ACT_KEYBOARD);
        return true;
    }
    if (a->thai_keyboard && ev->ch < 0x80) {
        uint32_t th = keymap_kedmanee(ev->ch);
        if (th)
            ev->ch = th;
    }
    return false;
}

static void handle(struct app *a, term_event *ev)
{
    if (ev->type == EV_KEY || ev->type == EV_CHAR || ev->type == EV_PASTE) {
        a->message[0] = 0, a->dirty = true;
        kiosk_key(a);
    }
    if (a->too_small) {
        /* Nothing is typed blind; only leaving works until it grows. */
        if (ev->type == EV_KEY && ev->key == TK_F10)
            global_action(a, ACT_QUIT);
        return;
    }
    if (demo_layer(a, ev) || keyboard_layer(a, ev))
        return;
    bool typing = a->top && a->top->ops->typing && a->top->ops->typing(a->top);
    int r = H_UNKNOWN;
    if (a->top)
        r = a->top->ops->handle(a, a->top, ev);
    if (r == H_UNKNOWN)
        r = dispatch_global(a, ev, typing);
    if (r & H_CLOSE)
        app_pop(a);
    if (r & (H_REDRAW | H_CLOSE | H_HANDLED))
        a->dirty = true;
}

/* Once per run, when the user is first idle: not being able to back up is
 * no reason to refuse working, but it is said. The copy is made in slices
 * between keys (backup_slice), so a province-sized file does not freeze the
 * screen for the seconds it takes. */
static void daily_backup(struct app *a)
{
    if (!a->backup_due || !a->db || db_is_read_only(a->db))
        return;
    a->backup_due = false;
    if (db_backup_daily_begin(a->db, &a->backup_job) != TP_OK)
        app_message(a, TA_ERROR, "%s (%s)", _("the daily backup failed"),
                    db_last_error(a->db));
}

static void backup_slice(struct app *a)
{
    bool done;
    tp_status st = db_backup_job_step(a->backup_job, BACKUP_SLICE_MS, &done);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s (%s)", _("the daily backup failed"),
                    db_last_error(a->db));
    if (st != TP_OK || done) {
        db_backup_job_free(a->backup_job);
        a->backup_job = NULL;
    }
}

int app_run(struct app *a)
{
    a->dirty = true;
    long long idle_since = 0;
    int rc = 0;
    while (!a->quit && a->top) {
        if (a->dirty) {
            draw(a);
            a->dirty = false;
        }
        if (a->builtin_unchecked &&
            app_check_builtin_screens(a, a->screens_err,
                                      sizeof a->screens_err) != TP_OK) {
            rc = 1;
            break;
        }
        term_event ev;
        /* While a backup is under way, no waiting: a slice is copied
         * whenever no key is waiting. */
        term_read(&ev, a->backup_job ? 0 : IDLE_MS);
        if (ev.type != EV_NONE)
            idle_since = 0;
        switch (ev.type) {
        case EV_HANGUP:
        case EV_EOF:
            app_save_drafts(a);
            a->quit = true;
            break;
        case EV_RESIZE:
            a->dirty = true;
            break;
        case EV_NONE:
            if (a->backup_job) {
                backup_slice(a);
                /* the idle turn's work, still once a second */
                if (!idle_since)
                    idle_since = app_now_ms();
                if (app_now_ms() - idle_since < IDLE_MS)
                    break;
                idle_since = app_now_ms();
            }
            app_save_drafts(a);
            daily_backup(a);
            kiosk_idle(a);
            break;
        default:
            handle(a, &ev);
            break;
        }
    }
    /* Quitting does not wait for the copy: the next start makes it. */
    db_backup_job_free(a->backup_job);
    a->backup_job = NULL;
    while (a->top)
        app_pop(a);
    return rc;
}
