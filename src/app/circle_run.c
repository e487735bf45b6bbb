/* Running one meeting of a circle: last session's homework and next steps
 * above, attendance on the left, the outcomes, next steps and the
 * recorder's notes on the right; drafts while typing, one save (F2). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circle_view.h"
#include "tapian/db_notes.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define TEXT_MAX 20000

static const char *const draft_fields[RUN_FOCUS_COUNT] = {
    NULL, "homework_reviewed", "outcomes", "next_steps", "notes"};
static const char *const text_labels[RUN_FOCUS_COUNT] = {
    NULL, N_("Homework reviewed"), N_("Outcomes"), N_("Next steps"),
    N_("Recorder's notes")};

void circle_date(const char *iso, char *buf, size_t size)
{
    text_date d;
    if (!iso || text_date_parse(iso, strlen(iso), &d) != TP_OK ||
        text_date_format(d, false, buf, size) < 0)
        snprintf(buf, size, "%s", iso ? iso : "");
}

static void set_text(field *f, const char *s)
{
    field_set(f, s ? s : "", s ? strlen(s) : 0);
    field_mark_saved(f);
}

static void restore_drafts(struct app *a, struct circle_run *r)
{
    bool any = false;
    for (int i = RUN_HOMEWORK; i < RUN_FOCUS_COUNT; i++) {
        char *d = NULL;
        if (db_draft_load(a->db, r->draft_key, a->user, draft_fields[i], &d) ==
                TP_OK && d) {
            if (strcmp(d, field_text(r->text[i])) != 0) {
                field_set(r->text[i], d, strlen(d));
                any = true;
            }
            free(d);
        }
    }
    if (any)
        app_message(a, TA_NOTICE, "%s",
                    _("The unsaved draft of this meeting was brought back"));
}

tp_status circle_run_open(struct app *a, struct circle_run *r,
                          const char *meeting_id, bool read_only)
{
    memset(r, 0, sizeof *r);
    r->read_only = read_only;
    r->att.read_only = read_only;
    snprintf(r->draft_key, sizeof r->draft_key, "circle:%s", meeting_id);
    tp_status s = db_circle_meeting_get(a->db, meeting_id, &r->m);
    if (s != TP_OK)
        return s;
    s = db_circle_meeting_previous(a->db, meeting_id, &r->prev);
    if (s != TP_OK && s != TP_ERR_NOTFOUND)
        return s;
    for (int i = RUN_HOMEWORK; i < RUN_FOCUS_COUNT; i++)
        if (!(r->text[i] = field_new(true, TEXT_MAX)))
            return TP_ERR_NOMEM;
    set_text(r->text[RUN_HOMEWORK], r->m.homework_reviewed);
    set_text(r->text[RUN_OUTCOMES], r->m.outcomes);
    set_text(r->text[RUN_NEXT], r->m.next_steps);
    set_text(r->text[RUN_NOTES], r->m.notes);
    s = circle_attend_load(a, &r->att, meeting_id);
    if (s == TP_OK && !read_only)
        restore_drafts(a, r);
    return s;
}

void circle_run_close(struct circle_run *r)
{
    db_circle_meeting_free(&r->m);
    db_circle_meeting_free(&r->prev);
    circle_attend_free(&r->att);
    for (int i = 0; i < RUN_FOCUS_COUNT; i++)
        field_free(&r->text[i]);
}

static void draw_previous(struct circle_run *r, int y, int cols)
{
    char buf[512], date[40];
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    if (!r->prev.id) {
        ui_str(stdscr, y, 1, _("No earlier meeting of this circle"), cols - 2,
               A_NORMAL);
        return;
    }
    circle_date(r->prev.held_on, date, sizeof date);
    snprintf(buf, sizeof buf, "%s %s:", _("Last session"), date);
    int used = ui_str(stdscr, y, 1, buf, cols - 2, lattr) + 2;
    snprintf(buf, sizeof buf, "%s %s", _("next steps"),
             r->prev.next_steps ? r->prev.next_steps : "-");
    ui_wrapped(stdscr, y, 1 + used, cols - 2 - used, 2, buf, A_NORMAL);
    snprintf(buf, sizeof buf, "%s %s", _("homework reviewed then"),
             r->prev.homework_reviewed ? r->prev.homework_reviewed : "-");
    ui_str(stdscr, y + 2, 1 + used, buf, cols - 2 - used, A_NORMAL);
}

void circle_run_draw(struct circle_run *r, int top, int height, int *cy,
                     int *cx)
{
    int cols = getmaxx(stdscr);
    char date[40], head[512];
    circle_date(r->m.held_on, date, sizeof date);
    snprintf(head, sizeof head, "%s · %s%s", date, r->m.title,
             r->read_only ? _(" (read only)") : "");
    ui_str(stdscr, top, 1, head, cols - 2, A_BOLD);
    draw_previous(r, top + 1, cols);
    int y = top + 4;
    int h = height - 4;
    int left = cols >= 110 ? 44 : 34;
    circle_attend_draw(&r->att, y, 1, left, h, r->focus == RUN_ATTEND, cy, cx);
    int x = left + 2, w = cols - x - 1;
    int each = h / (RUN_FOCUS_COUNT - 1);
    r->text_width = w;
    for (int i = RUN_HOMEWORK; i < RUN_FOCUS_COUNT; i++) {
        int fy = y + (i - 1) * each;
        int lattr = term_attr_of(TA_LABEL) | A_BOLD;
        char label[128];
        snprintf(label, sizeof label, "%s%s", r->focus == i ? "> " : "",
                 _(text_labels[i]));
        ui_str(stdscr, fy, x, label, w, lattr);
        field_view_draw(stdscr, r->text[i], fy + 1, x, w, each - 1,
                        r->focus == i, cy, cx);
    }
}

static int text_key(struct app *a, struct circle_run *r, field *f,
                    const term_event *ev)
{
    if (ev->type == EV_CHAR || ev->type == EV_PASTE) {
        field_result res = ev->type == EV_CHAR
                               ? field_insert_char(f, ev->ch)
                               : field_insert_text(f, ev->text, ev->len);
        if (res == FIELD_REJECTED)
            app_message(a, TA_ERROR, "%s",
                        _("This mark cannot follow the character before it"));
        r->draft_pending = true;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_BACKSPACE: field_backspace(f); break;
    case TK_DELETE: field_delete(f); break;
    case TK_ENTER: field_insert_char(f, '\n'); break;
    case TK_LEFT: field_left(f); return H_HANDLED | H_REDRAW;
    case TK_RIGHT: field_right(f); return H_HANDLED | H_REDRAW;
    case TK_UP: field_up(f, r->text_width); return H_HANDLED | H_REDRAW;
    case TK_DOWN: field_down(f, r->text_width); return H_HANDLED | H_REDRAW;
    case TK_HOME: case TK_CTRL_A: field_home(f); return H_HANDLED | H_REDRAW;
    case TK_END: case TK_CTRL_E: field_end(f); return H_HANDLED | H_REDRAW;
    case TK_CTRL_LEFT: field_word_left(f); return H_HANDLED | H_REDRAW;
    case TK_CTRL_RIGHT: field_word_right(f); return H_HANDLED | H_REDRAW;
    default: return H_UNKNOWN;
    }
    r->draft_pending = true;
    return H_HANDLED | H_REDRAW;
}

static int save(struct app *a, struct circle_run *r)
{
    if (r->read_only) {
        app_message(a, TA_ERROR, "%s", _("Your role may only read this screen"));
        return H_HANDLED | H_REDRAW;
    }
    db_circle_mark *marks = calloc(r->att.n + 1, sizeof *marks);
    db_circle_new_observer *obs = calloc(r->att.n_obs + 1, sizeof *obs);
    tp_status s = TP_ERR_NOMEM;
    if (marks && obs) {
        db_circle_record rec = {
            .meeting_id = r->m.id, .version = r->m.version,
            .homework_reviewed = field_text(r->text[RUN_HOMEWORK]),
            .outcomes = field_text(r->text[RUN_OUTCOMES]),
            .next_steps = field_text(r->text[RUN_NEXT]),
            .notes = field_text(r->text[RUN_NOTES]),
            .marks = marks, .n_marks = circle_attend_marks(&r->att, marks),
            .observers = obs,
            .n_observers = circle_attend_new_observers(&r->att, obs)};
        s = db_circle_save(a->db, &rec);
    }
    free(marks);
    free(obs);
    if (s != TP_OK) {
        /* what is typed stays on screen and in the draft */
        app_message(a, TA_ERROR, "%s: %s", _("Not saved"), tp_status_message(s));
        return H_HANDLED | H_REDRAW;
    }
    db_draft_clear(a->db, r->draft_key, a->user);
    char id[37];
    snprintf(id, sizeof id, "%s", r->m.id);
    int focus = r->focus;
    circle_run_close(r);
    s = circle_run_open(a, r, id, false); /* new versions and ids */
    r->focus = focus;
    if (s != TP_OK)
        app_message(a, TA_ERROR, "%s", tp_status_message(s));
    else
        app_message(a, TA_NOTICE, "%s", _("Saved"));
    return H_HANDLED | H_REDRAW;
}

int circle_run_handle(struct app *a, struct circle_run *r,
                      const term_event *ev)
{
    if (ev->type == EV_KEY && (ev->key == TK_F2 || ev->key == TK_CTRL_S))
        return save(a, r);
    if (r->focus == RUN_ATTEND) {
        int res = circle_attend_handle(a, &r->att, ev);
        if (res != H_UNKNOWN)
            return res;
    } else if (!r->read_only) {
        int res = text_key(a, r, r->text[r->focus], ev);
        if (res != H_UNKNOWN)
            return res;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_TAB:
        r->focus = (r->focus + 1) % RUN_FOCUS_COUNT;
        return H_HANDLED | H_REDRAW;
    case TK_BTAB:
        r->focus = (r->focus + RUN_FOCUS_COUNT - 1) % RUN_FOCUS_COUNT;
        return H_HANDLED | H_REDRAW;
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
}

bool circle_run_unsaved(const struct circle_run *r)
{
    if (r->att.changed)
        return true;
    for (int i = RUN_HOMEWORK; i < RUN_FOCUS_COUNT; i++)
        if (r->text[i] && r->text[i]->modified)
            return true;
    return false;
}

void circle_run_save_draft(struct app *a, struct circle_run *r)
{
    if (!r->draft_pending || r->read_only || db_is_read_only(a->db))
        return;
    for (int i = RUN_HOMEWORK; i < RUN_FOCUS_COUNT; i++) {
        tp_status s = db_draft_save(a->db, r->draft_key, a->user,
                                    draft_fields[i], field_text(r->text[i]));
        if (s != TP_OK) {
            app_message(a, TA_ERROR, "%s: %s", _("Draft not saved"),
                        tp_status_message(s));
            return;
        }
    }
    r->draft_pending = false;
}

bool circle_run_typing(const struct circle_run *r)
{
    return r->focus != RUN_ATTEND || circle_attend_typing(&r->att);
}

void circle_run_discard(struct app *a, struct circle_run *r)
{
    if (!db_is_read_only(a->db))
        db_draft_clear(a->db, r->draft_key, a->user);
    r->att.changed = false;
    for (int i = RUN_HOMEWORK; i < RUN_FOCUS_COUNT; i++)
        field_mark_saved(r->text[i]);
    r->draft_pending = false;
}
