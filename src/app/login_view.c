/* The identity screen: "who is using tapian?" — the users in Thai order
 * with their roles, filtered by typing part of a name, then the PIN when
 * the chosen user has one. Waits after wrong PINs are shown as a countdown
 * (the loop's idle tick redraws it); nothing here sleeps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pin_entry.h"
#include "tapian/auth.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define SEARCH_MAX 60

struct user_row {
    char id[DB_UUID_LEN], person[DB_UUID_LEN], login[64];
    char name[160];
    char roles[160];
    bool has_pin;
};

struct login_view {
    struct view base;
    struct user_row *users;
    int n, cap;
    int *shown; /* indices into users that match the search */
    int n_shown;
    int sel, scroll, list_h;
    field *search;
    int chosen;   /* index into users while asking the PIN; -1 = choosing */
    pin_entry pin;
    time_t wait_until;
    bool locked;
};

static void add_role(void *ctx, const char *code, const char *name_th,
                     const char *name_en)
{
    struct user_row *u = ctx;
    const char *name = i18n_is_english() ? name_en : name_th;
    size_t n = strlen(u->roles);
    snprintf(u->roles + n, sizeof u->roles - n, "%s%s", n ? ", " : "",
             name && *name ? name : code);
}

static void add_user(void *ctx, const db_user *du)
{
    struct login_view *l = ctx;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 32;
        struct user_row *nu = realloc(l->users, (size_t)cap * sizeof *nu);
        int *ns = realloc(l->shown, (size_t)cap * sizeof *ns);
        if (ns)
            l->shown = ns;
        if (!nu || !ns) {
            if (nu)
                l->users = nu;
            return;
        }
        l->users = nu;
        l->cap = cap;
    }
    struct user_row *u = &l->users[l->n++];
    memset(u, 0, sizeof *u);
    snprintf(u->id, sizeof u->id, "%s", du->user_id);
    snprintf(u->person, sizeof u->person, "%s", du->person_id ? du->person_id : "");
    snprintf(u->login, sizeof u->login, "%s", du->login);
    snprintf(u->name, sizeof u->name, "%s",
             du->display_name ? du->display_name : du->login);
    u->has_pin = du->has_pin;
}

static void refilter(struct login_view *l)
{
    char *q = NULL;
    size_t qn = 0;
    const char *s = field_text(l->search);
    if (text_nfc(s, strlen(s), &q, &qn) != TP_OK)
        q = NULL;
    l->n_shown = 0;
    for (int i = 0; i < l->n; i++)
        if (!q || strstr(l->users[i].name, q) || strstr(l->users[i].login, q))
            l->shown[l->n_shown++] = i;
    free(q);
    l->sel = 0;
    l->scroll = 0;
}

static void load(struct app *a, struct login_view *l)
{
    l->n = 0;
    tp_status st = db_users(a->db, add_user, l);
    for (int i = 0; st == TP_OK && i < l->n; i++)
        db_user_roles(a->db, l->users[i].id, add_role, &l->users[i]);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s: %s", _("The users cannot be read"),
                    tp_status_message(st));
    refilter(l);
}

static const char *login_title(struct view *v)
{
    (void)v;
    return _("Who is using tapian?");
}

static void draw_list(struct login_view *l, int y, int cols)
{
    ui_str(stdscr, y, 4, _("Name"), 36, A_UNDERLINE);
    ui_str(stdscr, y, 42, _("Roles"), cols - 44, A_UNDERLINE);
    y++;
    if (l->n_shown == 0) {
        ui_str(stdscr, y, 4, _("No one matches the search."), cols - 6, A_NORMAL);
        return;
    }
    if (l->sel < l->scroll)
        l->scroll = l->sel;
    if (l->sel >= l->scroll + l->list_h)
        l->scroll = l->sel - l->list_h + 1;
    for (int r = 0; r < l->list_h && l->scroll + r < l->n_shown; r++) {
        int i = l->scroll + r;
        const struct user_row *u = &l->users[l->shown[i]];
        int attr = i == l->sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, y + r, 2, cols - 4, attr);
        ui_str(stdscr, y + r, 4, u->name, 36, attr);
        ui_str(stdscr, y + r, 42, u->roles, cols - 44, attr);
    }
}

static void draw_pin(struct login_view *l, int y, int cols, int *cy, int *cx)
{
    const struct user_row *u = &l->users[l->chosen];
    char label[256];
    snprintf(label, sizeof label, _("PIN of %s:"), u->name);
    int w = ui_str(stdscr, y, 2, label, cols / 2, term_attr_of(TA_LABEL) | A_BOLD);
    pin_entry_draw(&l->pin, y, 3 + w, true, cy, cx);
    long left = (long)(l->wait_until - time(NULL));
    char note[256] = "";
    if (left > 0 && l->locked)
        snprintf(note, sizeof note,
                 _("Locked after too many wrong PINs; try again in %ld:%02ld"),
                 left / 60, left % 60);
    else if (left > 0)
        snprintf(note, sizeof note, _("Wait %ld s before the next try"), left);
    else
        snprintf(note, sizeof note, "%s", _("Type the PIN and press Enter; Esc chooses someone else"));
    ui_str(stdscr, y + 1, 2, note, cols - 4,
           left > 0 ? term_attr_of(TA_ERROR) : (int)A_NORMAL);
}

static void login_draw(struct app *a, struct view *v, int top, int height,
                       int *cy, int *cx)
{
    struct login_view *l = (struct login_view *)v;
    int cols = getmaxx(stdscr);
    (void)a;
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    ui_str(stdscr, top + 1, 2, _("Choose your name from the list."), cols - 4, lattr);
    int w = ui_str(stdscr, top + 2, 2, _("Search:"), 20, lattr);
    field_view_draw(stdscr, l->search, top + 2, 3 + w, 40, 1, l->chosen < 0, cy, cx);
    l->list_h = height - 8;
    draw_list(l, top + 4, cols);
    if (l->chosen >= 0)
        draw_pin(l, top + height - 2, cols, cy, cx);
}

static int enter(struct app *a, const struct user_row *u)
{
    /* Copies: logging in destroys this view. */
    struct user_row me = *u;
    app_logged_in(a, me.id, me.login, me.person);
    return H_HANDLED | H_REDRAW;
}

static int check_pin(struct app *a, struct login_view *l)
{
    const struct user_row *u = &l->users[l->chosen];
    if (!auth_pin_well_formed(l->pin.buf)) {
        app_message(a, TA_ERROR, "%s", _("A PIN has 4 to 12 digits"));
        return H_HANDLED | H_REDRAW;
    }
    int wait = 0;
    auth_result r = auth_login(a->db, u->id, l->pin.buf, &wait);
    pin_entry_clear(&l->pin);
    if (r == AUTH_OK)
        return enter(a, u);
    l->wait_until = time(NULL) + wait;
    l->locked = r == AUTH_LOCKED;
    int failures = 0;
    char last[32];
    if (r == AUTH_WRONG && db_user_failures(a->db, u->id, &failures, last) == TP_OK)
        app_message(a, TA_ERROR, _("Wrong PIN. Tries left: %d"),
                    AUTH_MAX_FAILURES - failures);
    else if (r == AUTH_LOCKED)
        app_message(a, TA_ERROR, "%s", _("Too many wrong PINs: please wait"));
    else if (r != AUTH_WRONG)
        app_message(a, TA_ERROR, "%s", r == AUTH_NO_USER
                                           ? _("This user no longer exists")
                                           : tp_status_message(TP_ERR_IO));
    return H_HANDLED | H_REDRAW;
}

static void choose(struct login_view *l, int index)
{
    l->chosen = index;
    l->locked = false;
    l->wait_until = 0;
    pin_entry_clear(&l->pin);
}

/* Asks for the PIN when one is set now (it may have been set since the
 * list was read); without one, choosing is logging in. */
static int pick(struct app *a, struct login_view *l, int index)
{
    char *hash = NULL;
    tp_status st = db_user_pin_hash(a->db, l->users[index].id, &hash);
    bool has_pin = st != TP_OK || hash;
    free(hash);
    if (st == TP_ERR_NOTFOUND) {
        app_message(a, TA_ERROR, "%s", _("This user no longer exists"));
        return H_HANDLED | H_REDRAW;
    }
    if (!has_pin)
        return enter(a, &l->users[index]);
    choose(l, index);
    return H_HANDLED | H_REDRAW;
}

static int handle_pin(struct app *a, struct login_view *l, const term_event *ev)
{
    if (ev->type == EV_KEY && ev->key == TK_ESC) {
        choose(l, -1);
        return H_HANDLED | H_REDRAW;
    }
    bool waiting = time(NULL) < l->wait_until;
    if (ev->type == EV_KEY && ev->key == TK_ENTER) {
        if (waiting)
            app_message(a, TA_ERROR, "%s", _("Please wait until the countdown ends"));
        return waiting ? H_HANDLED | H_REDRAW : check_pin(a, l);
    }
    if (waiting && (ev->type == EV_CHAR || ev->type == EV_PASTE)) {
        app_message(a, TA_ERROR, "%s", _("Please wait until the countdown ends"));
        return H_HANDLED | H_REDRAW;
    }
    pin_entry_result r = pin_entry_event(&l->pin, ev);
    pin_entry_report(a, r);
    return r == PE_UNKNOWN ? H_UNKNOWN : H_HANDLED | H_REDRAW;
}

static int move_sel(struct login_view *l, term_key k)
{
    int page = l->list_h > 1 ? l->list_h - 1 : 1;
    int to = l->sel;
    switch (k) {
    case TK_UP: to--; break;
    case TK_DOWN: to++; break;
    case TK_PGUP: to -= page; break;
    case TK_PGDN: to += page; break;
    default: return H_UNKNOWN;
    }
    if (to >= l->n_shown)
        to = l->n_shown - 1;
    l->sel = to < 0 ? 0 : to;
    return H_HANDLED | H_REDRAW;
}

static int handle_choosing(struct app *a, struct login_view *l,
                           const term_event *ev)
{
    field *f = l->search;
    if (ev->type == EV_CHAR || ev->type == EV_PASTE) {
        if (ev->type == EV_CHAR)
            field_insert_char(f, ev->ch);
        else
            field_insert_text(f, ev->text, ev->len);
        refilter(l);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_BACKSPACE: field_backspace(f); refilter(l); break;
    case TK_DELETE: field_delete(f); refilter(l); break;
    case TK_LEFT: field_left(f); break;
    case TK_RIGHT: field_right(f); break;
    case TK_HOME: field_home(f); break;
    case TK_END: field_end(f); break;
    case TK_ESC:
        if (!f->len)
            return H_UNKNOWN;
        field_set(f, "", 0);
        refilter(l);
        break;
    case TK_ENTER:
        if (l->n_shown == 0)
            return H_HANDLED;
        return pick(a, l, l->shown[l->sel]);
    default:
        return move_sel(l, ev->key);
    }
    return H_HANDLED | H_REDRAW;
}

static int login_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct login_view *l = (struct login_view *)v;
    return l->chosen >= 0 ? handle_pin(a, l, ev) : handle_choosing(a, l, ev);
}

/* Called on the loop's idle tick: redraws the countdown each second. */
static void login_tick(struct app *a, struct view *v)
{
    struct login_view *l = (struct login_view *)v;
    if (l->chosen >= 0 && l->wait_until && time(NULL) <= l->wait_until)
        a->dirty = true;
}

static bool login_typing(struct view *v)
{
    (void)v;
    return true;
}

static void login_destroy(struct view *v)
{
    struct login_view *l = (struct login_view *)v;
    pin_entry_clear(&l->pin);
    field_free(&l->search);
    free(l->users);
    free(l->shown);
    free(l);
}

static const view_key_help login_keys[] = {
    {"↑↓", N_("Choose")},
    {"Enter", N_("This is me")},
    {"Esc", N_("Clear")},
    {NULL, NULL},
};

static const struct view_ops login_ops = {
    .name = "login",
    .title = login_title,
    .draw = login_draw,
    .handle = login_handle,
    .save_draft = login_tick,
    .destroy = login_destroy,
    .keys = login_keys,
    .typing = login_typing,
};

struct view *login_view_for(struct app *a, const char *user_id)
{
    struct login_view *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->base.ops = &login_ops;
    l->chosen = -1;
    l->search = field_new(false, SEARCH_MAX);
    if (!l->search) {
        login_destroy(&l->base);
        return NULL;
    }
    load(a, l);
    for (int i = 0; user_id && i < l->n_shown; i++)
        if (strcmp(l->users[l->shown[i]].id, user_id) == 0) {
            l->sel = i;
            if (l->users[l->shown[i]].has_pin)
                choose(l, l->shown[i]);
        }
    return &l->base;
}

struct view *login_view_new(struct app *a)
{
    return login_view_for(a, NULL);
}
