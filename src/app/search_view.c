/* Search (issue #6 §2): a query field at the top, the matching knowledge
 * assets, lessons, meetings and notes below — kind, title, Buddhist-era
 * date, and a line of text around the hit with the hit in bold and
 * underlined (readable without colour). Enter opens the record's form.
 * Results follow the query as it is typed. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/db_search.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"
#include "tapian/views.h"

#define SEARCH_MAX 50
#define HIT_ATTR (A_BOLD | A_UNDERLINE)

struct result {
    char *kind, *id, *title, *day, *body;
};

struct search_view {
    struct view base;
    const screen *scr;
    field *query;
    char *searched;   /* the query the results are for */
    bool stale;       /* records may have changed (back from a form) */
    struct result res[SEARCH_MAX];
    int n;
    int selected;
    tp_status status;
};

static void clear_results(struct search_view *sv)
{
    for (int i = 0; i < sv->n; i++) {
        struct result *r = &sv->res[i];
        free(r->kind), free(r->id), free(r->title), free(r->day), free(r->body);
    }
    sv->n = 0;
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

static bool keep_hit(void *ctx, const db_search_hit *h)
{
    struct search_view *sv = ctx;
    struct result *r = &sv->res[sv->n];
    *r = (struct result){dup_or_empty(h->kind), dup_or_empty(h->id),
                         dup_or_empty(h->title), dup_or_empty(h->day),
                         dup_or_empty(h->body)};
    if (!r->kind || !r->id || !r->title || !r->day || !r->body) {
        sv->n++;
        return false;
    }
    return ++sv->n < SEARCH_MAX;
}

static void run_search(struct app *a, struct search_view *sv)
{
    const char *q = field_text(sv->query);
    if (!sv->stale && sv->searched && strcmp(sv->searched, q) == 0)
        return;
    clear_results(sv);
    free(sv->searched);
    sv->searched = strdup(q);
    sv->stale = false;
    sv->status = db_search(a->db, q, SEARCH_MAX, keep_hit, sv);
    if (sv->selected >= sv->n)
        sv->selected = sv->n ? sv->n - 1 : 0;
}

/* Draws s with bytes [hit, hit + len) in HIT_ATTR; returns columns used. */
static int draw_marked(int y, int x, const char *s, size_t n, size_t hit,
                       size_t len, int cols, int attr)
{
    if (hit > n)
        hit = n, len = 0;
    int used = ui_text(stdscr, y, x, s, hit, cols, attr);
    used += ui_text(stdscr, y, x + used, s + hit, len, cols - used,
                    attr | HIT_ATTR);
    used += ui_text(stdscr, y, x + used, s + hit + len, n - hit - len,
                    cols - used, attr);
    return used;
}

static void draw_result(struct app *a, struct search_view *sv,
                        const struct result *r, int y, int cols, bool sel)
{
    int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
    const char *q = sv->searched ? sv->searched : "";
    size_t qn = strlen(q);
    ui_fill(stdscr, y, 0, cols, attr);
    ui_fill(stdscr, y + 1, 0, cols, attr);
    const screen *s = screen_for_table(&a->screens, r->kind);
    ui_str(stdscr, y, 2, s ? screen_title(s) : r->kind, 18,
           sel ? attr : term_attr_of(TA_LABEL));
    char date[48] = "";
    text_date d;
    if (text_date_parse(r->day, strlen(r->day), &d) == TP_OK)
        text_date_format(d, false, date, sizeof date);
    int dw = text_width(date, strlen(date));
    size_t tn = strlen(r->title), th = text_find(r->title, tn, q, qn);
    draw_marked(y, 22, r->title, tn, th == (size_t)-1 ? tn : th,
                th == (size_t)-1 ? 0 : qn, cols - 24 - dw - 1, attr | A_BOLD);
    ui_str(stdscr, y, cols - dw - 1, date, dw, attr);
    /* the hit is found in the stored (NFC) text, so its length is the
     * NFC query's; text_find compares the same forms */
    size_t bn = strlen(r->body), bh = text_find(r->body, bn, q, qn);
    size_t hn = qn;
    char *nq = NULL;
    if (text_nfc(q, qn, &nq, &hn) != TP_OK)
        hn = qn;
    free(nq);
    /* no hit in the body (it was in the title): its start, without the
     * empty columns before it */
    size_t from = 0;
    if (bh == (size_t)-1)
        while (from < bn && (r->body[from] == '\n' || r->body[from] == ' '))
            from++;
    size_t at, len;
    char *snip = text_snippet(r->body + from, bn - from,
                              bh == (size_t)-1 ? 0 : bh,
                              bh == (size_t)-1 ? 0 : hn, cols - 6, &at, &len);
    if (snip)
        draw_marked(y + 1, 4, snip, strlen(snip), at, len, cols - 6, attr);
    free(snip);
}

static const char *search_title(struct view *v)
{
    struct search_view *sv = (struct search_view *)v;
    return sv->scr ? screen_title(sv->scr) : _("Search");
}

static void search_draw(struct app *a, struct view *v, int top, int height,
                        int *cy, int *cx)
{
    struct search_view *sv = (struct search_view *)v;
    int cols = getmaxx(stdscr);
    run_search(a, sv);
    int w = ui_str(stdscr, top, 1, _("Find:"), 20, A_BOLD) + 2;
    field_view_draw(stdscr, sv->query, top, w, cols - w - 2, 1, true, cy, cx);
    const char *q = field_text(sv->query);
    if (sv->status != TP_OK)
        ui_str(stdscr, top + 1, 2, tp_status_message(sv->status), cols - 4,
               term_attr_of(TA_ERROR));
    else if (!*q)
        ui_str(stdscr, top + 1, 2,
               _("Type a word: knowledge assets, lessons, meetings and notes "
                 "that contain it are listed here"), cols - 4,
               term_attr_of(TA_LABEL));
    else if (!sv->n)
        ui_str(stdscr, top + 1, 2, _("Nothing found"), cols - 4,
               term_attr_of(TA_LABEL));
    int per_page = (height - 3) / 2;
    if (per_page < 1)
        return;
    int first = sv->selected >= per_page ? sv->selected - per_page + 1 : 0;
    for (int i = 0; i < per_page && first + i < sv->n; i++)
        draw_result(a, sv, &sv->res[first + i], top + 2 + 2 * i, cols,
                    first + i == sv->selected);
}

static int open_result(struct app *a, struct search_view *sv)
{
    if (!sv->n)
        return H_HANDLED;
    const struct result *r = &sv->res[sv->selected];
    const screen *s = screen_for_table(&a->screens, r->kind);
    if (!s || !screen_may_view(s, app_role_codes(a), a->n_roles)) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        return H_HANDLED | H_REDRAW;
    }
    struct view *f = form_view_new(a, s, r->id);
    if (f)
        app_push(a, f);
    return H_HANDLED | H_REDRAW;
}

static int search_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct search_view *sv = (struct search_view *)v;
    if (ev->type == EV_CHAR) {
        field_insert_char(sv->query, ev->ch);
        sv->selected = 0;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_PASTE) {
        field_insert_text(sv->query, ev->text, ev->len);
        sv->selected = 0;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (sv->selected > 0) sv->selected--; break;
    case TK_DOWN: if (sv->selected + 1 < sv->n) sv->selected++; break;
    case TK_BACKSPACE: field_backspace(sv->query); sv->selected = 0; break;
    case TK_ENTER: return open_result(a, sv);
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static bool search_typing(struct view *v)
{
    (void)v;
    return true;
}

static void search_on_top(struct view *v)
{
    ((struct search_view *)v)->stale = true;
}

static const char *search_help(struct view *v)
{
    struct search_view *sv = (struct search_view *)v;
    return sv->scr ? screen_help(sv->scr) : NULL;
}

static void search_destroy(struct view *v)
{
    struct search_view *sv = (struct search_view *)v;
    clear_results(sv);
    free(sv->searched);
    field_free(&sv->query);
    free(sv);
}

static const view_key_help search_keys[] = {
    {"Enter", N_("Open")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops search_ops = {
    .name = "search",
    .title = search_title,
    .draw = search_draw,
    .handle = search_handle,
    .destroy = search_destroy,
    .keys = search_keys,
    .typing = search_typing,
    .on_top = search_on_top,
    .help = search_help,
};

struct view *search_view_new(struct app *a, const screen *s)
{
    (void)a;
    struct search_view *sv = calloc(1, sizeof *sv);
    if (!sv)
        return NULL;
    sv->base.ops = &search_ops;
    sv->scr = s;
    sv->query = field_new(false, 100);
    if (!sv->query) {
        free(sv);
        return NULL;
    }
    return &sv->base;
}
