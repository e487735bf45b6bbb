/* The fish model of a finance group (screen fish): first a picker of the
 * groups in Thai order by tambon, then the group's fish (fish_draw.c) with
 * its parts edited in place. Tab moves between tail, body and head, ↑↓
 * between items, Enter edits, a adds, d deletes (tombstone, asked first);
 * F2 saves through db_insert / db_update, Esc drops the edit. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fish_model.h"
#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"
#include "tapian/views.h"

struct pick_row {
    char id[DB_UUID_LEN];
    char tambon[128];
    char label[256];
    int goals, sharing, knowledge;
};

struct fish_view {
    struct view base;
    const screen *s;
    struct pick_row *groups;
    int n_groups, cap_groups, picked; /* picked: cursor in the picker */
    bool in_fish;                     /* false: the picker is shown */
    bool stale;
    struct fish_model m;
};

static bool may_edit(struct app *a, const struct fish_view *fv)
{
    return screen_may_edit(fv->s, app_role_codes(a), a->n_roles);
}

static bool take_group(void *ctx, const db_fish_group *g)
{
    struct fish_view *fv = ctx;
    if (fv->n_groups == fv->cap_groups) {
        int cap = fv->cap_groups ? fv->cap_groups * 2 : 32;
        struct pick_row *r = realloc(fv->groups, (size_t)cap * sizeof *r);
        if (!r)
            return false;
        fv->groups = r;
        fv->cap_groups = cap;
    }
    struct pick_row *r = &fv->groups[fv->n_groups++];
    snprintf(r->id, sizeof r->id, "%s", g->id);
    snprintf(r->tambon, sizeof r->tambon, "%s", g->tambon ? g->tambon : "");
    if (g->village && g->moo)
        snprintf(r->label, sizeof r->label, _("%s (Moo %d %s)"), g->name,
                 g->moo, g->village);
    else
        snprintf(r->label, sizeof r->label, "%s", g->name);
    r->goals = g->goals;
    r->sharing = g->sharing;
    r->knowledge = g->knowledge;
    return true;
}

static void clear_parts(struct fish_model *m)
{
    for (int p = 0; p < DB_FISH_PARTS; p++) {
        struct fish_part *fp = &m->parts[p];
        for (int i = 0; i < fp->n; i++) {
            free(fp->items[i].text);
            free(fp->items[i].detail);
        }
        fp->n = 0;
    }
}

static bool take_item(void *ctx, const db_fish_item *it)
{
    struct fish_part *fp = ctx;
    if (fp->n == fp->cap) {
        int cap = fp->cap ? fp->cap * 2 : 8;
        struct fish_item *x = realloc(fp->items, (size_t)cap * sizeof *x);
        if (!x)
            return false;
        fp->items = x;
        fp->cap = cap;
    }
    struct fish_item *x = &fp->items[fp->n];
    snprintf(x->id, sizeof x->id, "%s", it->id);
    x->version = it->version;
    x->text = strdup(it->text ? it->text : "");
    x->detail = it->detail ? strdup(it->detail) : NULL;
    snprintf(x->date, sizeof x->date, "%s", it->date ? it->date : "");
    if (!x->text)
        return false;
    fp->n++;
    return true;
}

static tp_status load(struct app *a, struct fish_view *fv)
{
    fv->n_groups = 0;
    tp_status st = db_fish_groups(a->db, take_group, fv);
    if (st != TP_OK || !fv->in_fish)
        return st;
    clear_parts(&fv->m);
    for (int p = 0; p < DB_FISH_PARTS && st == TP_OK; p++) {
        struct fish_part *fp = &fv->m.parts[p];
        st = db_fish_items(a->db, fv->m.group_id, (db_fish_part)p, take_item, fp);
        if (fp->selected >= fp->n)
            fp->selected = fp->n ? fp->n - 1 : 0;
    }
    return st;
}

static const char *fish_title(struct view *v)
{
    return screen_title(((struct fish_view *)v)->s);
}

static const char *fish_help(struct view *v)
{
    return screen_help(((struct fish_view *)v)->s);
}

static void draw_picker(struct fish_view *fv, int top, int height, int cols)
{
    ui_str(stdscr, top, 1, _("Choose a finance group:"), cols - 2, A_BOLD);
    ui_str(stdscr, top + 2, 2, _("Tambon"), 18, term_attr_of(TA_LABEL));
    ui_str(stdscr, top + 2, 21, _("Group"), cols - 44, term_attr_of(TA_LABEL));
    ui_str(stdscr, top + 2, cols - 22, _("Head Body Tail"), 21,
           term_attr_of(TA_LABEL));
    if (!fv->n_groups)
        ui_str(stdscr, top + 3, 2, _("No finance groups yet."), cols - 4,
               A_NORMAL);
    int rows = height - 3, first = fv->picked >= rows ? fv->picked - rows + 1 : 0;
    for (int i = 0; i < rows && first + i < fv->n_groups; i++) {
        const struct pick_row *r = &fv->groups[first + i];
        bool sel = first + i == fv->picked;
        int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL, y = top + 3 + i;
        ui_fill(stdscr, y, 1, cols - 2, attr);
        /* the tambon once, at the first of its groups */
        if (first + i == first || strcmp(r->tambon, fv->groups[first + i - 1].tambon))
            ui_str(stdscr, y, 2, r->tambon, 18, attr);
        ui_str(stdscr, y, 21, r->label, cols - 44, attr);
        char n[40];
        snprintf(n, sizeof n, "%4d %4d %4d", r->goals, r->sharing, r->knowledge);
        ui_str(stdscr, y, cols - 22, n, 21, attr);
    }
}

static void fish_view_draw(struct app *a, struct view *v, int top, int height,
                           int *cy, int *cx)
{
    struct fish_view *fv = (struct fish_view *)v;
    if (fv->stale) {
        tp_status st = load(a, fv);
        if (st != TP_OK)
            app_message(a, TA_ERROR, "%s", tp_status_message(st));
        fv->stale = false;
    }
    if (fv->in_fish)
        fish_draw(&fv->m, top, height, getmaxx(stdscr), cy, cx);
    else
        draw_picker(fv, top, height, getmaxx(stdscr));
}

static void start_edit(struct app *a, struct fish_view *fv, bool add)
{
    struct fish_model *m = &fv->m;
    struct fish_part *fp = &m->parts[m->focus];
    if (!may_edit(a, fv)) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        return;
    }
    if (!add && fp->selected >= fp->n)
        return;
    m->editor = field_new(m->focus != DB_FISH_BODY, 2000);
    if (!m->editor)
        return;
    m->editing_new = add;
    if (add)
        fp->selected = fp->n;
    else
        field_set(m->editor, fp->items[fp->selected].text,
                  strlen(fp->items[fp->selected].text));
    field_mark_saved(m->editor);
}

static void stop_edit(struct fish_view *fv)
{
    struct fish_part *fp = &fv->m.parts[fv->m.focus];
    field_free(&fv->m.editor);
    if (fv->m.editing_new && fp->selected >= fp->n)
        fp->selected = fp->n ? fp->n - 1 : 0;
    fv->m.editing_new = false;
}

static void save_edit(struct app *a, struct fish_view *fv)
{
    struct fish_model *m = &fv->m;
    struct fish_part *fp = &m->parts[m->focus];
    const char *table = db_fish_table(m->focus);
    const char *col = db_fish_column(m->focus);
    const char *t = field_text(m->editor);
    tp_status st;
    if (m->editing_new) {
        db_value vals[] = {DB_V_TEXT("group_id", m->group_id), DB_V_TEXT(col, t)};
        char id[DB_UUID_LEN];
        st = db_insert(a->db, table, vals, 2, id);
        if (st == TP_OK)
            app_undo_remember(a, CHANGE_ADD, table, id, 1, NULL, NULL, 0);
    } else {
        struct fish_item *it = &fp->items[fp->selected];
        db_value vals[] = {DB_V_TEXT(col, t)};
        st = db_update(a->db, table, it->id, it->version, vals, 1);
        const char *cols[] = {col};
        const char *old[] = {it->text};
        if (st == TP_OK)
            app_undo_remember(a, CHANGE_EDIT, table, it->id, it->version + 1,
                              cols, old, 1);
    }
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s: %s", _("Not saved"),
                    st == TP_ERR_CONSTRAINT ? _("the text may not be empty")
                                            : tp_status_message(st));
        return;
    }
    app_message(a, TA_NOTICE, "%s", _("Saved"));
    if (m->editing_new)
        fp->selected = fp->n; /* the new item comes last */
    stop_edit(fv);
    fv->stale = true;
}

static void deleted(struct app *a, void *ctx)
{
    struct fish_view *fv = ctx;
    struct fish_part *fp = &fv->m.parts[fv->m.focus];
    if (fp->selected >= fp->n)
        return;
    const struct fish_item *it = &fp->items[fp->selected];
    const char *table = db_fish_table(fv->m.focus);
    tp_status st = db_tombstone(a->db, table, it->id, it->version);
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s: %s", _("Not deleted"), tp_status_message(st));
        return;
    }
    app_undo_remember(a, CHANGE_DELETE, table, it->id, it->version + 1, NULL,
                      NULL, 0);
    app_message(a, TA_NOTICE, "%s", _("Deleted (u brings it back)"));
    fv->stale = true;
}

static int edit_key(struct app *a, struct fish_view *fv, const term_event *ev)
{
    field *f = fv->m.editor;
    if (ev->type == EV_CHAR)
        field_insert_char(f, ev->ch);
    else if (ev->type == EV_PASTE)
        field_insert_text(f, ev->text, ev->len);
    else if (ev->type != EV_KEY)
        return H_UNKNOWN;
    else switch (ev->key) {
    case TK_BACKSPACE: field_backspace(f); break;
    case TK_DELETE: field_delete(f); break;
    case TK_LEFT: field_left(f); break;
    case TK_RIGHT: field_right(f); break;
    case TK_HOME: case TK_CTRL_A: field_home(f); break;
    case TK_END: case TK_CTRL_E: field_end(f); break;
    case TK_CTRL_LEFT: field_word_left(f); break;
    case TK_CTRL_RIGHT: field_word_right(f); break;
    case TK_UP: field_up(f, fish_item_width(fv->m.focus, getmaxx(stdscr))); break;
    case TK_DOWN: field_down(f, fish_item_width(fv->m.focus, getmaxx(stdscr))); break;
    case TK_ENTER:
        if (f->multiline) {
            field_insert_char(f, '\n');
            break;
        }
        save_edit(a, fv); /* Enter saves a one-line item */
        break;
    case TK_F2: case TK_CTRL_S: save_edit(a, fv); break;
    case TK_ESC: stop_edit(fv); break;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static int fish_key(struct app *a, struct fish_view *fv, const term_event *ev)
{
    struct fish_model *m = &fv->m;
    struct fish_part *fp = &m->parts[m->focus];
    if (ev->type == EV_CHAR && (ev->ch == 'a' || ev->ch == 'd')) {
        if (ev->ch == 'a') {
            start_edit(a, fv, true);
        } else if (!may_edit(a, fv)) {
            app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        } else if (fp->selected < fp->n) {
            app_push(a, confirm_view_new(_("Delete this item? (It is kept as "
                                           "deleted and u brings it back.)"),
                                         deleted, fv));
        }
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_CHAR && ev->ch == 'u') {
        app_undo(a);
        fv->stale = true;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    /* Tab goes tail → body → head, the way the fish is drawn */
    static const db_fish_part next[] = {[DB_FISH_TAIL] = DB_FISH_BODY,
        [DB_FISH_BODY] = DB_FISH_HEAD, [DB_FISH_HEAD] = DB_FISH_TAIL};
    static const db_fish_part prev[] = {[DB_FISH_TAIL] = DB_FISH_HEAD,
        [DB_FISH_BODY] = DB_FISH_TAIL, [DB_FISH_HEAD] = DB_FISH_BODY};
    switch (ev->key) {
    case TK_TAB: case TK_RIGHT: m->focus = next[m->focus]; break;
    case TK_BTAB: case TK_LEFT: m->focus = prev[m->focus]; break;
    case TK_UP: if (fp->selected > 0) fp->selected--; break;
    case TK_DOWN: if (fp->selected + 1 < fp->n) fp->selected++; break;
    case TK_ENTER: start_edit(a, fv, false); break;
    case TK_ESC:
        fv->in_fish = false;
        fv->stale = true;
        break;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static int fish_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct fish_view *fv = (struct fish_view *)v;
    if (fv->in_fish)
        return fv->m.editor ? edit_key(a, fv, ev) : fish_key(a, fv, ev);
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (fv->picked > 0) fv->picked--; break;
    case TK_DOWN: if (fv->picked + 1 < fv->n_groups) fv->picked++; break;
    case TK_ENTER:
        if (fv->picked < fv->n_groups) {
            const struct pick_row *r = &fv->groups[fv->picked];
            snprintf(fv->m.group_id, sizeof fv->m.group_id, "%s", r->id);
            snprintf(fv->m.group, sizeof fv->m.group, "%s — %s", r->label,
                     r->tambon);
            for (int p = 0; p < DB_FISH_PARTS; p++)
                fv->m.parts[p].selected = 0;
            fv->m.focus = DB_FISH_HEAD;
            fv->in_fish = true;
            fv->stale = true;
        }
        break;
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static bool fish_typing(struct view *v)
{
    return ((struct fish_view *)v)->m.editor != NULL;
}

static bool fish_unsaved(struct view *v)
{
    const field *f = ((struct fish_view *)v)->m.editor;
    return f && f->modified;
}

static void fish_on_top(struct view *v)
{
    ((struct fish_view *)v)->stale = true;
}

static void fish_destroy(struct view *v)
{
    struct fish_view *fv = (struct fish_view *)v;
    clear_parts(&fv->m);
    for (int p = 0; p < DB_FISH_PARTS; p++)
        free(fv->m.parts[p].items);
    field_free(&fv->m.editor);
    free(fv->groups);
    free(fv);
}

static const view_key_help fish_keys[] = {
    {"Tab", N_("Part")},
    {"Enter", N_("Edit")},
    {"F2", N_("Save")},
    {"a", N_("Add")},
    {"d", N_("Delete")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops fish_ops = {
    .name = "fish",
    .title = fish_title,
    .draw = fish_view_draw,
    .handle = fish_handle,
    .unsaved = fish_unsaved,
    .destroy = fish_destroy,
    .keys = fish_keys,
    .typing = fish_typing,
    .on_top = fish_on_top,
    .help = fish_help,
};

struct view *fish_view_new(struct app *a, const screen *s)
{
    (void)a;
    struct fish_view *fv = calloc(1, sizeof *fv);
    if (!fv)
        return NULL;
    fv->base.ops = &fish_ops;
    fv->s = s;
    fv->stale = true;
    return &fv->base;
}
