/* The generic list of a screen's records: columns clipped by width, Thai
 * order, / search with n/N, paging, add / open / delete (tombstone) / undo,
 * x / i export and import CSV (csv_view.c), f filters (filter_view.c).
 * Only the visible page is read, and it is sought from the rows next to it
 * (keyset paging: db_list's seek_id), so a page at row 100,000 costs what
 * the first one does. Positions move by delta while paging; the count is
 * kept by the db while nothing changes. A search looks at SEARCH_BUDGET
 * rows per key and says so when it must go on. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_view.h"
#include "filter_view.h"
#include "record_action.h"
#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/form_value.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"
#include "tapian/views.h"

#define MAX_COLS 16
#define MAX_PAGE 200
/* Rows a search looks at per key press: 12-17 ms of CPU at province scale
 * on a loaded 2-core machine (docs/PERFORMANCE.md). Lists up to this size
 * also get an exact count of the matches. */
#define SEARCH_BUDGET 2000

struct page_row {
    char id[37];
    long long version;
    char *cells[MAX_COLS]; /* as displayed */
};

struct list_view {
    struct view base;
    const screen *s;
    const char *columns[MAX_COLS];
    const screen_field *defs[MAX_COLS]; /* the field of each column, if any */
    size_t n_cols;
    long total;        /* rows the list holds */
    long selected;     /* absolute position */
    long top;          /* first visible position */
    int visible;       /* rows that fit */
    struct page_row page[MAX_PAGE];
    int page_rows;
    long page_top;     /* position of page[0]; -1 = nothing loaded */
    bool stale;        /* reload count and page before drawing */
    /* search */
    field *prompt;     /* non-NULL while typing a search or a file name */
    int prompt_for;    /* the key that opened it: '/', 'x' or 'i' */
    char *search;      /* the last search */
    long matches;      /* -1 = not counted (a long list) */
    char search_from[37]; /* where a search that ran out of budget stopped */
    long search_from_pos; /* that row's position */
    int search_dir;    /* its direction: 1 forward, -1 backward */
    /* filters (f): the columns they work through, as screen_check finds */
    struct list_filters filters;
    const char *place_col, *group_col, *date_col;
    db_value group_value;
    /* a view that opens on the selected record (views.c) and the screen's
     * record action (record_action.h); their keys follow Enter in the key
     * help */
    const app_record_view *record_view;
    const record_action *action;
    struct view_ops ops;
    view_key_help keys[16];
};

static const screen_field *field_named(const screen *s, const char *name)
{
    for (size_t i = 0; i < s->n_fields; i++)
        if (strcmp(s->fields[i].name, name) == 0)
            return &s->fields[i];
    return NULL;
}

static void base_query(const struct list_view *l, db_list_query *q)
{
    memset(q, 0, sizeof *q);
    q->table = l->s->source;
    q->columns = l->columns;
    q->n_columns = l->n_cols;
    q->order_column = l->s->order;
    q->order_desc = l->s->order_desc;
    const struct list_filters *f = &l->filters;
    if (l->place_col && (f->village[0] || f->tambon[0])) {
        q->place_column = l->place_col;
        q->place_id = f->village[0] ? f->village : f->tambon;
    }
    if (l->group_col && f->group[0]) {
        q->filters = &l->group_value;
        q->n_filters = 1;
    }
    if (l->date_col && (f->date_from[0] || f->date_to[0])) {
        q->date_column = l->date_col;
        q->date_from = f->date_from[0] ? f->date_from : NULL;
        q->date_to = f->date_to[0] ? f->date_to : NULL;
    }
}

static void search_query(const struct list_view *l, db_list_query *q)
{
    base_query(l, q);
    q->search = l->search;
    q->search_columns = (const char *const *)l->s->search;
    q->n_search = l->s->n_search;
}

static void clear_page(struct list_view *l)
{
    for (int i = 0; i < l->page_rows; i++)
        for (size_t c = 0; c < l->n_cols; c++)
            free(l->page[i].cells[c]);
    l->page_rows = 0;
    l->page_top = -1;
}

struct fill_ctx {
    struct list_view *l;
    struct app *a;
};

/* A cell as people read it: dates in the Buddhist era, choices by label,
 * references by the referred row's label. */
static char *cell_text(struct app *a, const screen_field *f, const char *v)
{
    if (!v)
        return strdup("");
    if (f && f->type == SF_REF && f->ref && f->ref_label) {
        char *label = NULL;
        if (db_ref_label(a->db, f->ref, f->ref_label, v, &label) == TP_OK &&
            label)
            return label;
        free(label);
    }
    return f ? form_value_display(f, v) : strdup(v);
}

static int fill_row(void *ctx, const db_row *row)
{
    struct fill_ctx *fc = ctx;
    struct list_view *l = fc->l;
    if (l->page_rows >= MAX_PAGE)
        return 1;
    struct page_row *p = &l->page[l->page_rows++];
    snprintf(p->id, sizeof p->id, "%s", row->id);
    p->version = row->version;
    for (size_t c = 0; c < l->n_cols; c++)
        p->cells[c] = cell_text(fc->a, l->defs[c], c < row->n ? row->values[c] : NULL);
    return 0;
}

/* How the page at l->top is read: sought from a row of the page loaded
 * now when it is next to it, from the end, or else by offset. */
static void page_query(const struct list_view *l, db_list_query *q, int n)
{
    q->offset = l->top;
    q->limit = n;
    long k = l->top - l->page_top; /* index in the old page of the new top */
    if (l->top == 0 || l->page_top < 0 || l->page_rows == 0) {
        if (l->top > 0 && l->top + n >= l->total)
            q->seek_back = true; /* the last rows */
        return;
    }
    if (k >= 1 && k <= l->page_rows) {
        q->seek_id = l->page[k - 1].id; /* forward from the row above it */
    } else if (k < 0 && k + n >= 0 && k + n < l->page_rows) {
        q->seek_id = l->page[k + n].id; /* the n rows before that row */
        q->seek_back = true;
    } else if (l->top + n >= l->total) {
        q->seek_back = true;
    }
}

/* The rows the page must have when the count is right. */
static int page_expected(const struct list_view *l, int n)
{
    long left = l->total - l->top;
    return left < n ? (int)(left > 0 ? left : 0) : n;
}

static void load_page(struct app *a, struct list_view *l)
{
    int n = l->visible < MAX_PAGE ? l->visible : MAX_PAGE;
    db_list_query q;
    base_query(l, &q);
    page_query(l, &q, n);
    /* the old page holds the anchor: read into a fresh one */
    struct page_row old[MAX_PAGE];
    int old_rows = l->page_rows;
    memcpy(old, l->page, sizeof(struct page_row) * (size_t)old_rows);
    char anchor[37] = "";
    if (q.seek_id) {
        snprintf(anchor, sizeof anchor, "%s", q.seek_id);
        q.seek_id = anchor;
    }
    l->page_rows = 0;
    struct fill_ctx fc = {l, a};
    tp_status st = db_list(a->db, &q, fill_row, &fc);
    if (st == TP_OK && (q.seek_id || q.seek_back) &&
        l->page_rows != page_expected(l, n)) {
        /* rows came or went meanwhile: by position after all */
        for (int i = 0; i < l->page_rows; i++)
            for (size_t c = 0; c < l->n_cols; c++)
                free(l->page[i].cells[c]);
        l->page_rows = 0;
        q.seek_id = NULL;
        q.seek_back = false;
        st = db_list(a->db, &q, fill_row, &fc);
    }
    for (int i = 0; i < old_rows; i++)
        for (size_t c = 0; c < l->n_cols; c++)
            free(old[i].cells[c]);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s", tp_status_message(st));
    l->page_top = l->top;
}

static void reload(struct app *a, struct list_view *l)
{
    db_list_query q;
    base_query(l, &q);
    if (db_list_count(a->db, &q, &l->total) != TP_OK)
        l->total = 0;
    if (l->selected >= l->total)
        l->selected = l->total > 0 ? l->total - 1 : 0;
    l->stale = false;
    clear_page(l);
}

static void keep_visible(struct list_view *l)
{
    if (l->visible < 1)
        l->visible = 1;
    if (l->selected < l->top)
        l->top = l->selected;
    if (l->selected >= l->top + l->visible)
        l->top = l->selected - l->visible + 1;
    if (l->top < 0)
        l->top = 0;
}

static const char *list_title(struct view *v)
{
    return screen_title(((struct list_view *)v)->s);
}

static void draw_header(struct list_view *l, int y, int cols)
{
    int x = 1;
    for (size_t c = 0; c < l->n_cols && x < cols; c++) {
        const screen_column *sc = &l->s->columns[c];
        ui_str(stdscr, y, x, screen_column_label(sc), sc->width, A_UNDERLINE | A_BOLD);
        x += sc->width + 1;
    }
}

static void draw_row(struct list_view *l, const struct page_row *p, int y,
                     int cols, bool selected, bool slow_link)
{
    int attr = selected && !slow_link ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
    ui_fill(stdscr, y, 0, cols, attr);
    /* Plain, as mutt's arrow_cursor: an attribute would cost its escape
     * sequences twice a key. */
    if (selected && slow_link)
        ui_str(stdscr, y, 0, ">", 1, A_NORMAL);
    int x = 1;
    for (size_t c = 0; c < l->n_cols && x < cols; c++) {
        int w = l->s->columns[c].width;
        if (x + w > cols)
            w = cols - x;
        int cattr = attr;
        if (l->search && text_contains(p->cells[c], strlen(p->cells[c]),
                                       l->search, strlen(l->search)))
            cattr |= A_BOLD | A_UNDERLINE;
        ui_str(stdscr, y, x, p->cells[c], w, cattr);
        x += l->s->columns[c].width + 1;
    }
}

static void draw_status_row(struct list_view *l, int y, int cols)
{
    char info[560];
    if (l->total == 0)
        snprintf(info, sizeof info, "%s", _("No records yet: a adds one"));
    else
        snprintf(info, sizeof info, _("Record %ld of %ld"), l->selected + 1,
                 l->total);
    char shown[400];
    filters_summary(&l->filters, shown, sizeof shown);
    if (shown[0]) {
        size_t used = strlen(info);
        snprintf(info + used, sizeof info - used, " · %s", shown);
    }
    ui_str(stdscr, y, 1, info, l->search ? cols / 2 : cols - 2,
           term_attr_of(TA_LABEL));
    if (l->search) {
        char s[200];
        if (l->matches >= 0)
            snprintf(s, sizeof s, _("Search “%s”: %ld found (n / N)"),
                     l->search, l->matches);
        else
            snprintf(s, sizeof s, _("Search “%s” (n / N)"), l->search);
        int w = text_width(s, strlen(s));
        ui_str(stdscr, y, cols - w - 1 > cols / 2 ? cols - w - 1 : cols / 2, s,
               cols / 2 - 1, term_attr_of(TA_LABEL));
    }
}

static void list_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct list_view *l = (struct list_view *)v;
    int cols = getmaxx(stdscr);
    if (l->stale)
        reload(a, l);
    int rows_top = top + 2;
    int prompt_rows = l->prompt ? 1 : 0;
    l->visible = height - 3 - prompt_rows;
    keep_visible(l);
    if (l->page_top != l->top)
        load_page(a, l);
    draw_status_row(l, top, cols);
    draw_header(l, top + 1, cols);
    for (int i = 0; i < l->page_rows && i < l->visible; i++)
        draw_row(l, &l->page[i], rows_top + i, cols,
                 l->top + i == l->selected, a->slow_link);
    if (l->prompt) {
        int y = top + height - 1;
        const char *label = l->prompt_for == 'x'   ? _("Export to CSV file:")
                            : l->prompt_for == 'i' ? _("Import CSV file:")
                                                   : _("Search:");
        int w = ui_str(stdscr, y, 1, label, cols - 2, A_BOLD) + 2;
        field_view_draw(stdscr, l->prompt, y, w, cols - w - 1, 1, true, cy, cx);
    }
}

static const struct page_row *selected_row(const struct list_view *l)
{
    long i = l->selected - l->page_top;
    if (l->page_top < 0 || i < 0 || i >= l->page_rows)
        return NULL;
    return &l->page[i];
}

static int take_id(void *ctx, const db_row *row)
{
    snprintf((char *)ctx, 37, "%s", row->id);
    return 1;
}

/* The id of the row just above the selected one ("" at the top). */
static void row_above(struct app *a, struct list_view *l, char id[37])
{
    id[0] = '\0';
    long i = l->selected - l->page_top;
    if (l->selected == 0 || l->page_top < 0)
        return;
    if (i >= 1 && i <= l->page_rows) {
        snprintf(id, 37, "%s", l->page[i - 1].id);
        return;
    }
    db_list_query q;
    base_query(l, &q);
    q.offset = l->selected - 1;
    q.limit = 1;
    const struct page_row *p = selected_row(l);
    if (p) {
        q.seek_id = p->id;
        q.seek_back = true;
    }
    if (db_list(a->db, &q, take_id, id) != TP_OK)
        id[0] = '\0';
}

/* Selects row id found by a search at pos (the search counted the rows it
 * passed), and the page that shows it first (read from the row above it,
 * so no offset is stepped through). */
static void select_found(struct app *a, struct list_view *l, const char *id,
                         long pos)
{
    if (pos < 0 || pos >= l->total) { /* the count is behind: ask */
        db_list_query all;
        base_query(l, &all);
        tp_status st = db_list_position(a->db, &all, id, &pos);
        if (st != TP_OK) {
            app_message(a, TA_ERROR, "%s", tp_status_message(st));
            return;
        }
    }
    if (pos >= l->top && pos < l->top + l->visible && l->page_top == l->top) {
        l->selected = pos; /* on the page already */
        return;
    }
    l->selected = l->top = pos;
    if (l->top + l->visible > l->total) /* fill the screen near the end */
        l->top = l->total > l->visible ? l->total - l->visible : 0;
    if (l->top == pos && pos > 0) {
        /* a one-row page just above it makes it the next page's anchor */
        db_list_query q;
        base_query(l, &q);
        q.seek_id = id;
        q.seek_back = true;
        q.offset = pos - 1;
        q.limit = 1;
        clear_page(l);
        struct fill_ctx fc = {l, a};
        if (db_list(a->db, &q, fill_row, &fc) == TP_OK && l->page_rows == 1)
            l->page_top = pos - 1;
        else
            clear_page(l);
    }
}

/* The next match after the selection (dir 1) or before it (-1), going on
 * from where the last search stopped when it ran out of budget. Wraps
 * around the list once. */
static void find_match(struct app *a, struct list_view *l, int dir,
                       bool include_selected)
{
    if (!l->search)
        return;
    db_list_query q;
    search_query(l, &q);
    char from[37] = "";
    long from_pos = l->selected; /* the position of from */
    if (l->search_from[0] && l->search_dir == dir) {
        snprintf(from, sizeof from, "%s", l->search_from);
        from_pos = l->search_from_pos;
    } else if (include_selected) {
        row_above(a, l, from);
        from_pos = l->selected - 1;
    } else {
        const struct page_row *p = selected_row(l);
        if (p)
            snprintf(from, sizeof from, "%s", p->id);
    }
    if (!from[0])
        from_pos = dir > 0 ? -1 : l->total;
    l->search_from[0] = '\0';
    char found[37], reached[37];
    bool wrapped = false;
    for (;;) {
        long steps = 0;
        tp_status st = db_list_find(a->db, &q, from[0] ? from : NULL, dir < 0,
                                    SEARCH_BUDGET, found, reached, &steps);
        if (st == TP_OK) {
            select_found(a, l, found, from_pos + dir * steps);
            return;
        }
        if (st != TP_ERR_NOTFOUND) {
            app_message(a, TA_ERROR, "%s", tp_status_message(st));
            return;
        }
        if (reached[0]) {
            /* the budget is spent: n (or N) goes on from there */
            snprintf(l->search_from, sizeof l->search_from, "%s", reached);
            l->search_from_pos = from_pos + dir * steps;
            l->search_dir = dir;
            app_message(a, TA_NOTICE, _("Not in the next %d records; "
                                        "press %s to search on"),
                        SEARCH_BUDGET, dir > 0 ? "n" : "N");
            return;
        }
        if (wrapped || !from[0]) {
            app_message(a, TA_ERROR, _("Not found: %s"), l->search);
            return;
        }
        wrapped = true; /* from the other end of the list */
        from[0] = '\0';
        from_pos = dir > 0 ? -1 : l->total;
    }
}

static void start_search(struct app *a, struct list_view *l, const char *text)
{
    free(l->search);
    l->search = text[0] ? strdup(text) : NULL;
    l->matches = -1;
    l->search_from[0] = '\0';
    if (!l->search)
        return;
    if (l->total <= SEARCH_BUDGET) {
        db_list_query q;
        search_query(l, &q);
        if (db_list_count(a->db, &q, &l->matches) != TP_OK)
            l->matches = -1;
        if (l->matches == 0) {
            app_message(a, TA_ERROR, _("Not found: %s"), l->search);
            return;
        }
    }
    find_match(a, l, 1, true);
}

static void prompt_done(struct app *a, struct list_view *l, const char *text)
{
    struct view *v;
    if (l->prompt_for == '/')
        start_search(a, l, text);
    else if (!*text)
        return;
    else if (l->prompt_for == 'x')
        csv_view_export(a, l->s, text);
    else if ((v = csv_view_import(a, l->s, text)))
        app_push(a, v);
}

static int prompt_key(struct app *a, struct list_view *l, const term_event *ev)
{
    if (ev->type == EV_CHAR) {
        field_insert_char(l->prompt, ev->ch);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_PASTE) {
        field_insert_text(l->prompt, ev->text, ev->len);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_HANDLED;
    switch (ev->key) {
    case TK_ENTER:
        prompt_done(a, l, field_text(l->prompt));
        field_free(&l->prompt);
        break;
    case TK_ESC: field_free(&l->prompt); break;
    case TK_BACKSPACE: field_backspace(l->prompt); break;
    case TK_DELETE: field_delete(l->prompt); break;
    case TK_LEFT: field_left(l->prompt); break;
    case TK_RIGHT: field_right(l->prompt); break;
    case TK_HOME: case TK_CTRL_A: field_home(l->prompt); break;
    case TK_END: case TK_CTRL_E: field_end(l->prompt); break;
    default: break;
    }
    return H_HANDLED | H_REDRAW;
}

static void deleted(struct app *a, void *ctx)
{
    struct list_view *l = ctx;
    const struct page_row *p = selected_row(l);
    if (!p)
        return;
    tp_status st = db_tombstone(a->db, l->s->source, p->id, p->version);
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s: %s", _("Not deleted"), tp_status_message(st));
        return;
    }
    app_undo_remember(a, CHANGE_DELETE, l->s->source, p->id, p->version + 1,
                      NULL, NULL, 0);
    app_message(a, TA_NOTICE, "%s", _("Deleted (u brings it back)"));
    l->stale = true;
}

static void filters_set(struct app *a, void *ctx,
                        const struct list_filters *f)
{
    (void)a;
    struct list_view *l = ctx;
    l->filters = *f;
    l->group_value = DB_V_TEXT(l->group_col, l->filters.group);
    l->selected = l->top = 0;
    l->matches = 0;
    l->search_from[0] = '\0';
    free(l->search);
    l->search = NULL;
    l->stale = true;
}

static int open_filters(struct app *a, struct list_view *l)
{
    struct view *v = filter_view_new(a, l->s, &l->filters, filters_set, l);
    if (v)
        app_push(a, v);
    else
        app_message(a, TA_ERROR, "%s", _("This list has no filters"));
    return H_HANDLED | H_REDRAW;
}

static int open_form(struct app *a, struct list_view *l, bool add)
{
    const struct page_row *p = add ? NULL : selected_row(l);
    if (!add && !p)
        return H_HANDLED;
    struct view *f = form_view_new(a, l->s, p ? p->id : NULL);
    if (f) {
        app_push(a, f);
        l->stale = true; /* the form may change what the list shows */
    }
    return H_HANDLED | H_REDRAW;
}

static int list_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct list_view *l = (struct list_view *)v;
    if (l->prompt)
        return prompt_key(a, l, ev);
    bool may_edit = screen_may_edit(l->s, app_role_codes(a), a->n_roles);
    if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_UP: l->selected--; break;
        case TK_DOWN: l->selected++; break;
        case TK_PGUP: l->selected -= l->visible; break;
        case TK_PGDN: l->selected += l->visible; break;
        case TK_HOME: l->selected = 0; break;
        case TK_END: l->selected = l->total - 1; break;
        case TK_ENTER: return open_form(a, l, false);
        case TK_ESC: return H_CLOSE;
        default: return H_UNKNOWN;
        }
        if (l->selected >= l->total)
            l->selected = l->total - 1;
        if (l->selected < 0)
            l->selected = 0;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_CHAR)
        return H_UNKNOWN;
    if (l->action && ev->ch == (uint32_t)l->action->list_key) {
        const struct page_row *p = selected_row(l);
        struct view *av = p ? l->action->open(a, l->s, p->id) : NULL;
        if (av)
            app_push(a, av);
        return H_HANDLED | H_REDRAW;
    }
    switch (ev->ch) {
    case 'i':
        if (!may_edit) {
            app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
            return H_HANDLED | H_REDRAW;
        }
        /* fall through */
    case '/': case 'x':
        l->prompt = field_new(false, ev->ch == '/' ? 100 : 1000);
        l->prompt_for = (int)ev->ch;
        return H_HANDLED | H_REDRAW;
    case 'n': find_match(a, l, 1, false); return H_HANDLED | H_REDRAW;
    case 'N': find_match(a, l, -1, false); return H_HANDLED | H_REDRAW;
    case 'e': return open_form(a, l, false);
    case 'f': return open_filters(a, l);
    case 'a':
        if (!may_edit) {
            app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
            return H_HANDLED | H_REDRAW;
        }
        return open_form(a, l, true);
    case 'd':
        if (!may_edit) {
            app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
            return H_HANDLED | H_REDRAW;
        }
        if (selected_row(l))
            app_push(a, confirm_view_new(_("Delete this record? (It is kept "
                                           "as deleted and u brings it back.)"),
                                         deleted, l));
        return H_HANDLED | H_REDRAW;
    case 'u':
        app_undo(a);
        l->stale = true;
        return H_HANDLED | H_REDRAW;
    default:
        if (l->record_view && ev->ch == (uint32_t)l->record_view->key) {
            const struct page_row *p = selected_row(l);
            if (p)
                app_push(a, l->record_view->open(a, p->id));
            return H_HANDLED | H_REDRAW;
        }
        return H_UNKNOWN;
    }
}

static bool list_typing(struct view *v)
{
    return ((struct list_view *)v)->prompt != NULL;
}

static void list_destroy(struct view *v)
{
    struct list_view *l = (struct list_view *)v;
    clear_page(l);
    field_free(&l->prompt);
    free(l->search);
    free(l);
}

static void list_refresh(struct view *v)
{
    ((struct list_view *)v)->stale = true;
}

static const char *list_help(struct view *v)
{
    return screen_help(((struct list_view *)v)->s);
}

static const view_key_help list_keys[] = {
    {"Enter", N_("Open")},
    {"a", N_("Add")},
    {"d", N_("Delete")},
    {"/", N_("Search")},
    {"u", N_("Undo")},
    {"x", N_("Export CSV")},
    {"i", N_("Import CSV")},
    {"f", N_("Filter")},
    {NULL, NULL},
};

static const struct view_ops list_ops = {
    .name = "list",
    .title = list_title,
    .draw = list_draw,
    .handle = list_handle,
    .destroy = list_destroy,
    .keys = list_keys,
    .typing = list_typing,
    .on_top = list_refresh,
    .help = list_help,
};

struct view *list_view_new(struct app *a, const screen *s)
{
    (void)a;
    if (s->kind != SCREEN_RECORDS || s->n_columns == 0)
        return NULL;
    struct list_view *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->s = s;
    l->ops = list_ops;
    /* the record view and the action right after Open, so that the key
     * line shows them */
    l->action = record_action_for(s);
    l->record_view = app_record_view_for(s->source);
    size_t k = 0;
    for (size_t i = 0; list_keys[i].key && k < 15; i++) {
        l->keys[k++] = list_keys[i];
        if (i == 0 && l->record_view)
            l->keys[k++] = (view_key_help){l->record_view->key_name,
                                           l->record_view->what};
        if (i == 0 && l->action)
            l->keys[k++] = (view_key_help){l->action->list_key_name,
                                           l->action->label};
    }
    l->keys[k] = (view_key_help){NULL, NULL};
    l->ops.keys = l->keys;
    l->base.ops = &l->ops;
    for (size_t c = 0; c < s->n_columns && c < MAX_COLS; c++) {
        l->columns[c] = s->columns[c].column;
        l->defs[c] = field_named(s, s->columns[c].column);
        l->n_cols++;
    }
    /* the first place / group reference and the first date field */
    for (size_t i = 0; i < s->n_fields; i++) {
        const screen_field *f = &s->fields[i];
        if (f->type == SF_REF && f->ref && strcmp(f->ref, "place") == 0 &&
            !l->place_col)
            l->place_col = f->name;
        if (f->type == SF_REF && f->ref &&
            strcmp(f->ref, "finance_group") == 0 && !l->group_col)
            l->group_col = f->name;
        if (f->type == SF_DATE && !l->date_col)
            l->date_col = f->name;
    }
    l->page_top = -1;
    l->stale = true;
    return &l->base;
}
