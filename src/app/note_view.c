/* The recorder's quick note: a title and a multi-line text, kept as a draft
 * while typing and saved as a note record with F2 / Ctrl-S. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/db_notes.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define FORM_KEY "note"
#define TITLE_MAX 200
#define BODY_MAX 20000

enum { F_TITLE, F_BODY, F_COUNT };

struct note_view {
    struct view base;
    field *fields[F_COUNT];
    int focus;
    bool draft_pending; /* typed since the last draft save */
    int body_width;     /* last drawn width, for Up/Down */
};

static const char *const field_names[F_COUNT] = {"title", "body"};

static const char *note_title(struct view *v)
{
    (void)v;
    return _("New note");
}

static void note_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct note_view *n = (struct note_view *)v;
    int cols = getmaxx(stdscr);
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    int w = cols - 4;
    (void)a;
    ui_str(stdscr, top + 1, 2, _("Title"), w, lattr);
    field_view_draw(stdscr, n->fields[F_TITLE], top + 2, 2, w, 1,
                    n->focus == F_TITLE, cy, cx);
    ui_str(stdscr, top + 4, 2, _("Note"), w, lattr);
    int body_h = height - 7;
    if (body_h < 1)
        body_h = 1;
    n->body_width = w;
    field_view_draw(stdscr, n->fields[F_BODY], top + 5, 2, w, body_h,
                    n->focus == F_BODY, cy, cx);
    /* The live count only near the limit: a count that changes with every
     * keystroke costs more bytes than the character typed (a cursor move
     * there and back); far from it the limit alone is shown, which does not
     * change while typing. */
    field *f = n->fields[n->focus];
    size_t used = text_codepoints(f->buf, f->len);
    char count[64];
    if (used + f->max_chars / 10 >= f->max_chars)
        snprintf(count, sizeof count, "%zu / %zu", used, f->max_chars);
    else
        snprintf(count, sizeof count, "≤ %zu", f->max_chars);
    ui_str(stdscr, top + 5 + body_h, cols - 2 - text_width(count, strlen(count)),
           count, 20, A_NORMAL);
}

static void report(struct app *a, field_result r)
{
    switch (r) {
    case FIELD_CORRECTED:
        app_message(a, TA_NOTICE, "%s", _("Thai marks put in the right order"));
        break;
    case FIELD_REJECTED:
        app_message(a, TA_ERROR, "%s",
                    _("This mark cannot follow the character before it"));
        break;
    case FIELD_FULL:
        app_message(a, TA_ERROR, "%s", _("The field is full"));
        break;
    case FIELD_INVALID:
        app_message(a, TA_ERROR, "%s",
                    _("Not text: invalid characters were refused"));
        break;
    case FIELD_NOMEM:
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_NOMEM));
        break;
    default:
        break;
    }
}

static void discard(struct app *a, void *ctx)
{
    (void)ctx;
    if (a->db && !db_is_read_only(a->db))
        db_draft_clear(a->db, FORM_KEY, a->user);
    /* the confirm view is gone; the note view is on top again */
    struct note_view *n = (struct note_view *)a->top;
    for (int i = 0; i < F_COUNT; i++)
        field_mark_saved(n->fields[i]);
    n->draft_pending = false;
    app_pop(a);
}

static int save(struct app *a, struct note_view *n)
{
    const char *title = field_text(n->fields[F_TITLE]);
    if (!title[0]) {
        n->focus = F_TITLE;
        app_message(a, TA_ERROR, "%s", _("A title is required"));
        return H_HANDLED | H_REDRAW;
    }
    char id[37];
    tp_status st = a->db ? db_note_add(a->db, title,
                                       field_text(n->fields[F_BODY]), id)
                         : TP_ERR_NOTFOUND;
    if (st != TP_OK) {
        /* The typing stays in the form and in the draft. */
        app_message(a, TA_ERROR, "%s: %s", _("Not saved"), tp_status_message(st));
        return H_HANDLED | H_REDRAW;
    }
    db_draft_clear(a->db, FORM_KEY, a->user);
    for (int i = 0; i < F_COUNT; i++) {
        field_set(n->fields[i], "", 0);
        field_mark_saved(n->fields[i]);
    }
    n->draft_pending = false;
    n->focus = F_TITLE;
    app_message(a, TA_NOTICE, "%s", _("Note saved"));
    return H_HANDLED | H_REDRAW;
}

static int edit_key(struct note_view *n, field *f, term_key k)
{
    switch (k) {
    case TK_BACKSPACE: field_backspace(f); break;
    case TK_DELETE: field_delete(f); break;
    case TK_LEFT: field_left(f); return H_HANDLED | H_REDRAW;
    case TK_RIGHT: field_right(f); return H_HANDLED | H_REDRAW;
    case TK_HOME: case TK_CTRL_A: field_home(f); return H_HANDLED | H_REDRAW;
    case TK_END: case TK_CTRL_E:
        field_end(f);
        return H_HANDLED | H_REDRAW;
    case TK_CTRL_LEFT: field_word_left(f); return H_HANDLED | H_REDRAW;
    case TK_CTRL_RIGHT: field_word_right(f); return H_HANDLED | H_REDRAW;
    case TK_UP:
        if (!f->multiline)
            return H_UNKNOWN;
        field_up(f, n->body_width);
        return H_HANDLED | H_REDRAW;
    case TK_DOWN:
        if (!f->multiline)
            return H_UNKNOWN;
        field_down(f, n->body_width);
        return H_HANDLED | H_REDRAW;
    case TK_ENTER:
        if (!f->multiline)
            return H_UNKNOWN;
        field_insert_char(f, '\n');
        break;
    default:
        return H_UNKNOWN;
    }
    n->draft_pending = true;
    return H_HANDLED | H_REDRAW;
}

static int note_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct note_view *n = (struct note_view *)v;
    field *f = n->fields[n->focus];
    if (ev->type == EV_CHAR) {
        report(a, field_insert_char(f, ev->ch));
        n->draft_pending = true;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_PASTE) {
        report(a, field_insert_text(f, ev->text, ev->len));
        n->draft_pending = true;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    int r = edit_key(n, f, ev->key);
    if (r != H_UNKNOWN)
        return r;
    switch (ev->key) {
    case TK_TAB: case TK_DOWN: case TK_ENTER:
        n->focus = (n->focus + 1) % F_COUNT;
        return H_HANDLED | H_REDRAW;
    case TK_BTAB: case TK_UP:
        n->focus = (n->focus + F_COUNT - 1) % F_COUNT;
        return H_HANDLED | H_REDRAW;
    case TK_F2: case TK_CTRL_S:
        return save(a, n);
    case TK_ESC:
        if (v->ops->unsaved(v)) {
            app_push(a, confirm_view_new(_("Discard what you typed in this "
                                           "note?"), discard, NULL));
            return H_HANDLED;
        }
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
}

static bool note_unsaved(struct view *v)
{
    struct note_view *n = (struct note_view *)v;
    return n->fields[F_TITLE]->len > 0 || n->fields[F_BODY]->len > 0;
}

static void note_save_draft(struct app *a, struct view *v)
{
    struct note_view *n = (struct note_view *)v;
    if (!n->draft_pending || !a->db || db_is_read_only(a->db))
        return;
    for (int i = 0; i < F_COUNT; i++) {
        tp_status st = db_draft_save(a->db, FORM_KEY, a->user, field_names[i],
                                     field_text(n->fields[i]));
        if (st != TP_OK) {
            app_message(a, TA_ERROR, "%s: %s", _("Draft not saved"),
                        tp_status_message(st));
            return;
        }
    }
    n->draft_pending = false;
}

static bool note_typing(struct view *v)
{
    (void)v;
    return true;
}

static void note_destroy(struct view *v)
{
    struct note_view *n = (struct note_view *)v;
    for (int i = 0; i < F_COUNT; i++)
        field_free(&n->fields[i]);
    free(n);
}

static const view_key_help note_keys[] = {
    {"F2", N_("Save")},
    {"Tab", N_("Next field")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

static const struct view_ops note_ops = {
    .name = "note",
    .title = note_title,
    .draw = note_draw,
    .handle = note_handle,
    .unsaved = note_unsaved,
    .save_draft = note_save_draft,
    .destroy = note_destroy,
    .keys = note_keys,
    .typing = note_typing,
};

/* A draft left by a crash, a hang-up or a power cut comes back. */
static void restore_draft(struct app *a, struct note_view *n)
{
    bool any = false;
    for (int i = 0; i < F_COUNT; i++) {
        char *value = NULL;
        if (db_draft_load(a->db, FORM_KEY, a->user, field_names[i], &value) ==
                TP_OK &&
            value) {
            field_set(n->fields[i], value, strlen(value));
            any = any || value[0];
            free(value);
        }
    }
    if (any)
        app_message(a, TA_NOTICE, "%s",
                    _("The unsaved draft of this note was brought back"));
}

struct view *note_view_new(struct app *a)
{
    struct note_view *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->base.ops = &note_ops;
    n->fields[F_TITLE] = field_new(false, TITLE_MAX);
    n->fields[F_BODY] = field_new(true, BODY_MAX);
    if (!n->fields[F_TITLE] || !n->fields[F_BODY]) {
        note_destroy(&n->base);
        return NULL;
    }
    if (a->db)
        restore_draft(a, n);
    return &n->base;
}
