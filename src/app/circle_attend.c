/* The attendance pane of a running circle: the expected participants, one
 * key (Space) cycling each one's attendance, the representative's name
 * typed when chosen, people added from everyone on record, and observers
 * (a person or a free-text name) kept apart. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circle_view.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

static const char *const codes[ST_COUNT] = {"present", "absent", "excused",
                                            "late", "representative"};
static const char *const labels[ST_COUNT] = {N_("Present"), N_("Absent"),
                                             N_("Excused"), N_("Late"),
                                             N_("Sent someone")};

const char *circle_status_code(int status)
{
    return status >= 0 && status < ST_COUNT ? codes[status] : NULL;
}

const char *circle_status_label(int status)
{
    return status >= 0 && status < ST_COUNT ? _(labels[status]) : _("Not marked");
}

static int status_of(const char *code)
{
    for (int i = 0; code && i < ST_COUNT; i++)
        if (strcmp(codes[i], code) == 0)
            return i;
    return ST_NONE;
}

static bool grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 16;
    void *q = realloc(*p, c * size);
    if (!q)
        return false;
    *p = q;
    *cap = c;
    return true;
}

static bool add_row(struct circle_attend *t, const db_circle_person_row *r)
{
    if (!grow((void **)&t->rows, &t->cap, t->n, sizeof *t->rows))
        return false;
    struct circle_att *x = &t->rows[t->n];
    memset(x, 0, sizeof *x);
    snprintf(x->person_id, sizeof x->person_id, "%s", r->person_id);
    snprintf(x->att_id, sizeof x->att_id, "%s",
             r->attendance_id ? r->attendance_id : "");
    x->version = r->version;
    x->status = status_of(r->status);
    x->name = strdup(r->name ? r->name : "");
    x->rep = r->representative_name ? strdup(r->representative_name) : NULL;
    t->n++;
    return x->name != NULL;
}

static bool on_expected(void *ctx, const db_circle_person_row *r)
{
    return add_row(ctx, r);
}

static bool on_person(void *ctx, const db_circle_person_row *r)
{
    struct circle_attend *t = ctx;
    if (!grow((void **)&t->people, &t->cap_people, t->n_people,
              sizeof *t->people))
        return false;
    struct circle_att *x = &t->people[t->n_people];
    memset(x, 0, sizeof *x);
    snprintf(x->person_id, sizeof x->person_id, "%s", r->person_id);
    x->name = strdup(r->name ? r->name : "");
    t->n_people++;
    return x->name != NULL;
}

static bool on_observer(void *ctx, const char *person_id, const char *name)
{
    struct circle_attend *t = ctx;
    if (!grow((void **)&t->obs, &t->cap_obs, t->n_obs, sizeof *t->obs))
        return false;
    struct circle_obs *o = &t->obs[t->n_obs];
    snprintf(o->person_id, sizeof o->person_id, "%s", person_id ? person_id : "");
    o->name = strdup(name ? name : "");
    o->is_new = false;
    t->n_obs++;
    return o->name != NULL;
}

tp_status circle_attend_load(struct app *a, struct circle_attend *t,
                             const char *meeting_id)
{
    circle_attend_free(t);
    t->input = field_new(false, 120);
    if (!t->input)
        return TP_ERR_NOMEM;
    tp_status s = db_circle_expected(a->db, meeting_id, on_expected, t);
    if (s == TP_OK)
        s = db_circle_observers(a->db, meeting_id, on_observer, t);
    if (s == TP_OK)
        s = db_circle_people(a->db, on_person, t);
    return s;
}

void circle_attend_free(struct circle_attend *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->rows[i].name), free(t->rows[i].rep);
    for (size_t i = 0; i < t->n_obs; i++)
        free(t->obs[i].name);
    for (size_t i = 0; i < t->n_people; i++)
        free(t->people[i].name);
    free(t->rows);
    free(t->obs);
    free(t->people);
    field_free(&t->input);
    bool ro = t->read_only;
    memset(t, 0, sizeof *t);
    t->read_only = ro;
}

/* People whose name contains the search, not already listed; the i-th. */
static const struct circle_att *match(const struct circle_attend *t, int i,
                                      int *count)
{
    const char *q = field_text(t->input);
    const struct circle_att *hit = NULL;
    int k = 0;
    for (size_t p = 0; p < t->n_people; p++) {
        const struct circle_att *x = &t->people[p];
        if (!text_contains(x->name, strlen(x->name), q, strlen(q)))
            continue;
        bool listed = false;
        for (size_t j = 0; j < t->n && !listed; j++)
            listed = strcmp(t->rows[j].person_id, x->person_id) == 0;
        if (listed && t->mode == ATT_ADD_PERSON)
            continue;
        if (k == i)
            hit = x;
        k++;
    }
    if (count)
        *count = k;
    return hit;
}

static void draw_picker(struct circle_attend *t, int y, int x, int width,
                        int height, int *cy, int *cx)
{
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    ui_str(stdscr, y, x, t->mode == ATT_ADD_PERSON ? _("Add a participant")
                                                   : _("Add an observer"),
           width, lattr);
    int used = ui_str(stdscr, y + 1, x, _("Find:"), width, A_NORMAL) + 1;
    field_view_draw(stdscr, t->input, y + 1, x + used, width - used, 1, true,
                    cy, cx);
    int line = 0, count = 0;
    match(t, 0, &count);
    bool free_text = t->mode == ATT_ADD_OBSERVER && t->input->len > 0;
    int total = count + (free_text ? 1 : 0);
    for (int i = 0; i < total && line < height - 2; i++, line++) {
        char buf[256];
        if (free_text && i == count)
            snprintf(buf, sizeof buf, "+ \"%s\" %s", field_text(t->input),
                     _("(name only)"));
        else
            snprintf(buf, sizeof buf, "  %s", match(t, i, NULL)->name);
        int attr = i == t->pick ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, y + 2 + line, x, width, attr);
        ui_str(stdscr, y + 2 + line, x, buf, width, attr);
    }
    if (total == 0)
        ui_str(stdscr, y + 2, x, _("Nobody found"), width, A_NORMAL);
}

void circle_attend_draw(struct circle_attend *t, int y, int x, int width,
                        int height, bool focused, int *cy, int *cx)
{
    if (t->mode == ATT_ADD_PERSON || t->mode == ATT_ADD_OBSERVER) {
        draw_picker(t, y, x, width, height, cy, cx);
        return;
    }
    int came = 0;
    for (size_t i = 0; i < t->n; i++)
        came += t->rows[i].status == ST_PRESENT || t->rows[i].status == ST_LATE ||
                t->rows[i].status == ST_REP;
    char head[128];
    snprintf(head, sizeof head, "%s %d/%zu", _("Participants: came"), came, t->n);
    ui_str(stdscr, y, x, head, width, term_attr_of(TA_LABEL) | A_BOLD);
    int obs_rows = 1 + (int)(t->n_obs ? t->n_obs : 1);
    int list_h = height - 1 - obs_rows;
    if (list_h < 1)
        list_h = 1;
    if (t->sel < t->scroll)
        t->scroll = t->sel;
    if (t->sel >= t->scroll + list_h)
        t->scroll = t->sel - list_h + 1;
    if (t->n == 0)
        ui_str(stdscr, y + 1, x, _("Nobody yet: a adds a participant"), width,
               A_NORMAL);
    for (int i = 0; i < list_h && t->scroll + i < (int)t->n; i++) {
        struct circle_att *r = &t->rows[t->scroll + i];
        char buf[320];
        /* the status is a word, never only a colour */
        snprintf(buf, sizeof buf, "[%s] %s%s%s%s", circle_status_label(r->status),
                 r->name, r->status == ST_REP ? " → " : "",
                 r->status == ST_REP && r->rep ? r->rep : "",
                 r->status == ST_REP && !r->rep ? "?" : "");
        bool sel = focused && t->scroll + i == t->sel;
        int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, y + 1 + i, x, width, attr);
        ui_str(stdscr, y + 1 + i, x, buf, width, attr);
    }
    int oy = y + 1 + list_h;
    ui_str(stdscr, oy, x, _("Observers (o adds)"), width,
           term_attr_of(TA_LABEL) | A_BOLD);
    if (!t->n_obs)
        ui_str(stdscr, oy + 1, x, _("none"), width, A_NORMAL);
    for (size_t i = 0; i < t->n_obs && oy + 1 + (int)i < y + height; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s %s", t->obs[i].is_new ? "+" : "·",
                 t->obs[i].name);
        ui_str(stdscr, oy + 1 + (int)i, x, buf, width, A_NORMAL);
    }
    if (t->mode == ATT_REP_NAME && t->n) {
        int ry = y + 1 + t->sel - t->scroll;
        int used = ui_str(stdscr, ry, x, _("Who came instead:"), width,
                          term_attr_of(TA_LABEL) | A_BOLD) + 1;
        field_view_draw(stdscr, t->input, ry, x + used, width - used, 1, true,
                        cy, cx);
    }
}

static int edit_input(struct app *a, field *f, const term_event *ev)
{
    if (ev->type == EV_CHAR) {
        if (field_insert_char(f, ev->ch) == FIELD_REJECTED)
            app_message(a, TA_ERROR, "%s",
                        _("This mark cannot follow the character before it"));
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_PASTE) {
        field_insert_text(f, ev->text, ev->len);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_BACKSPACE: field_backspace(f); break;
    case TK_DELETE: field_delete(f); break;
    case TK_LEFT: field_left(f); break;
    case TK_RIGHT: field_right(f); break;
    case TK_HOME: field_home(f); break;
    case TK_END: field_end(f); break;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static void add_observer(struct circle_attend *t, const char *person_id,
                         const char *name)
{
    if (!grow((void **)&t->obs, &t->cap_obs, t->n_obs, sizeof *t->obs))
        return;
    struct circle_obs *o = &t->obs[t->n_obs];
    snprintf(o->person_id, sizeof o->person_id, "%s", person_id ? person_id : "");
    o->name = strdup(name);
    if (!o->name)
        return;
    o->is_new = true;
    t->n_obs++;
    t->changed = true;
}

static void pick(struct circle_attend *t)
{
    int count = 0;
    const struct circle_att *x = match(t, t->pick, &count);
    if (x && t->mode == ATT_ADD_PERSON) {
        db_circle_person_row r = {.person_id = x->person_id, .name = x->name};
        if (add_row(t, &r)) {
            t->rows[t->n - 1].status = ST_PRESENT; /* added because they came */
            t->sel = (int)t->n - 1;
            t->changed = true;
        }
    } else if (x) {
        add_observer(t, x->person_id, x->name);
    } else if (t->mode == ATT_ADD_OBSERVER && t->pick == count &&
               t->input->len > 0) {
        add_observer(t, NULL, field_text(t->input));
    } else {
        return;
    }
    t->mode = ATT_LIST;
}

static int handle_picker(struct app *a, struct circle_attend *t,
                         const term_event *ev)
{
    int count = 0;
    match(t, 0, &count);
    if (t->mode == ATT_ADD_OBSERVER && t->input->len > 0)
        count++;
    if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_UP: if (t->pick > 0) t->pick--; return H_HANDLED | H_REDRAW;
        case TK_DOWN:
            if (t->pick + 1 < count)
                t->pick++;
            return H_HANDLED | H_REDRAW;
        case TK_ENTER: pick(t); return H_HANDLED | H_REDRAW;
        case TK_ESC: t->mode = ATT_LIST; return H_HANDLED | H_REDRAW;
        default: break;
        }
    }
    int r = edit_input(a, t->input, ev);
    if (r != H_UNKNOWN)
        t->pick = 0;
    return r;
}

static int handle_rep(struct app *a, struct circle_attend *t,
                      const term_event *ev)
{
    struct circle_att *r = &t->rows[t->sel];
    if (ev->type == EV_KEY && (ev->key == TK_ENTER || ev->key == TK_ESC)) {
        if (ev->key == TK_ENTER) {
            free(r->rep);
            r->rep = t->input->len ? strdup(field_text(t->input)) : NULL;
            t->changed = true;
        }
        t->mode = ATT_LIST;
        return H_HANDLED | H_REDRAW;
    }
    return edit_input(a, t->input, ev);
}

int circle_attend_handle(struct app *a, struct circle_attend *t,
                         const term_event *ev)
{
    if (t->mode == ATT_REP_NAME)
        return handle_rep(a, t, ev);
    if (t->mode != ATT_LIST)
        return handle_picker(a, t, ev);
    bool space = ev->type == EV_CHAR && ev->ch == ' ';
    bool add = ev->type == EV_CHAR && (ev->ch == 'a' || ev->ch == 'o');
    if ((space || add) && t->read_only) {
        app_message(a, TA_ERROR, "%s", _("Your role may only read this screen"));
        return H_HANDLED | H_REDRAW;
    }
    if (space && t->n) {
        struct circle_att *r = &t->rows[t->sel];
        r->status = (r->status + 1) % ST_COUNT; /* from ST_NONE to present */
        t->changed = true;
        if (r->status == ST_REP) {
            t->mode = ATT_REP_NAME;
            field_set(t->input, r->rep ? r->rep : "", r->rep ? strlen(r->rep) : 0);
        }
        return H_HANDLED | H_REDRAW;
    }
    if (add) {
        t->mode = ev->ch == 'a' ? ATT_ADD_PERSON : ATT_ADD_OBSERVER;
        field_set(t->input, "", 0);
        t->pick = 0;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (t->sel > 0) t->sel--; return H_HANDLED | H_REDRAW;
    case TK_DOWN:
        if (t->sel + 1 < (int)t->n)
            t->sel++;
        return H_HANDLED | H_REDRAW;
    default:
        return H_UNKNOWN;
    }
}

bool circle_attend_typing(const struct circle_attend *t)
{
    return t->mode != ATT_LIST;
}

size_t circle_attend_marks(const struct circle_attend *t, db_circle_mark *m)
{
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++) {
        const struct circle_att *r = &t->rows[i];
        if (r->status == ST_NONE)
            continue; /* not marked: nothing to record */
        m[k++] = (db_circle_mark){.person_id = r->person_id,
                                  .attendance_id = r->att_id,
                                  .version = r->version,
                                  .status = codes[r->status],
                                  .representative_name = r->rep};
    }
    return k;
}

size_t circle_attend_new_observers(const struct circle_attend *t,
                                   db_circle_new_observer *o)
{
    size_t k = 0;
    for (size_t i = 0; i < t->n_obs; i++)
        if (t->obs[i].is_new)
            o[k++] = (db_circle_new_observer){
                .person_id = t->obs[i].person_id[0] ? t->obs[i].person_id : NULL,
                .name = t->obs[i].name};
    return k;
}
