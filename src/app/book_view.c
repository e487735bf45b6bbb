/* "Print the book" (พิมพ์เป็นตำรา): asks the format and the file name, then
 * writes the provincial textbook with a progress bar. The export runs in
 * the loop's thread, so the bar is drawn from the progress callback. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/export.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define NAME_MAX_CHARS 400
#define BASE_NAME "tapian-book"

enum { F_FORMAT, F_FILE, F_COUNT };

static const struct {
    book_format f;
    const char *label; /* msgid */
} formats[] = {
    {BOOK_HTML, N_("Web page for printing (HTML)")},
    {BOOK_MD, N_("Markdown")},
    {BOOK_TEXT, N_("Plain text")},
};
#define N_FORMATS (int)(sizeof formats / sizeof formats[0])

struct book_view {
    struct view base;
    field *file;
    int format;      /* index into formats */
    int focus;
    int bar_y;       /* where the progress bar is drawn */
    int percent;     /* -1 before writing */
};

static const char *book_title_of(struct view *v)
{
    (void)v;
    return _("Print the book");
}

/* Terminals whose fonts lack the block elements get '#'. */
static bool ascii_only(void)
{
    const char *t = getenv("TERM");
    return t && (strcmp(t, "vt100") == 0 || strcmp(t, "linux") == 0);
}

static void draw_bar(struct book_view *b, int cols)
{
    if (b->percent < 0)
        return;
    static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    int w = cols - 12;
    char bar[4096] = "";
    size_t len = 0;
    int units = b->percent * w * 8 / 100; /* eighths of a cell */
    bool ascii = ascii_only();
    for (int i = 0; i < units / 8 && len + 4 < sizeof bar; i++)
        len += (size_t)snprintf(bar + len, sizeof bar - len, "%s",
                                ascii ? "#" : "█");
    if (!ascii && units % 8 && len + 4 < sizeof bar)
        snprintf(bar + len, sizeof bar - len, "%s", eighths[units % 8]);
    ui_fill(stdscr, b->bar_y, 2, cols - 4, A_NORMAL);
    ui_str(stdscr, b->bar_y, 2, bar, w, term_attr_of(TA_NOTICE));
    char pct[16];
    snprintf(pct, sizeof pct, "%3d%%", b->percent);
    ui_str(stdscr, b->bar_y, cols - 7, pct, 5, A_NORMAL);
}

static void book_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct book_view *b = (struct book_view *)v;
    int cols = getmaxx(stdscr);
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    (void)a;
    (void)height;
    ui_wrapped(stdscr, top + 1, 2, cols - 4, 2,
               _("The learning textbook of Nakhon Si Thammarat: every "
                 "knowledge asset and lesson, by topic, tambon and group."),
               A_NORMAL);
    ui_str(stdscr, top + 3, 2, _("Format"), cols - 4, lattr);
    for (int i = 0; i < N_FORMATS; i++) {
        char line[200];
        snprintf(line, sizeof line, "(%s) %s", i == b->format ? "*" : " ",
                 _(formats[i].label));
        int attr = b->focus == F_FORMAT && i == b->format
                       ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_str(stdscr, top + 4 + i, 4, line, cols - 6, attr);
    }
    ui_str(stdscr, top + 8, 2, _("File name"), cols - 4, lattr);
    field_view_draw(stdscr, b->file, top + 9, 2, cols - 4, 1,
                    b->focus == F_FILE, cy, cx);
    b->bar_y = top + 11;
    draw_bar(b, cols);
}

static void progress(void *ctx, size_t done, size_t total)
{
    struct book_view *b = ctx;
    int p = total ? (int)(done * 100 / total) : 100;
    if (p == b->percent)
        return;
    b->percent = p;
    draw_bar(b, getmaxx(stdscr));
    refresh();
}

static int write_book(struct app *a, struct book_view *b)
{
    const char *path = field_text(b->file);
    if (!path[0]) {
        b->focus = F_FILE;
        app_message(a, TA_ERROR, "%s", _("A file name is required"));
        return H_HANDLED | H_REDRAW;
    }
    book_opts o = {.format = formats[b->format].f,
                   .progress = progress, .progress_ctx = b};
    book_stats st;
    b->percent = 0;
    progress(b, 0, 1);
    tp_status s = book_export_file(a->db, &o, path, &st);
    if (s != TP_OK) {
        b->percent = -1;
        app_message(a, TA_ERROR, "%s: %s", _("The book was not written"),
                    tp_status_message(s));
        return H_HANDLED | H_REDRAW;
    }
    b->percent = 100;
    app_message(a, TA_NOTICE,
                _("Wrote %zu knowledge assets and %zu lessons to %s"),
                st.assets, st.lessons, path);
    return H_HANDLED | H_REDRAW;
}

/* Keeps the extension in step with the format while the name is ours. */
static void set_format(struct book_view *b, int i)
{
    char old[64];
    snprintf(old, sizeof old, "%s.%s", BASE_NAME,
             book_format_ext(formats[b->format].f));
    b->format = i;
    if (strcmp(field_text(b->file), old) == 0) {
        char name[64];
        snprintf(name, sizeof name, "%s.%s", BASE_NAME,
                 book_format_ext(formats[i].f));
        field_set(b->file, name, strlen(name));
    }
}

static int edit_file(struct book_view *b, const term_event *ev)
{
    field *f = b->file;
    if (ev->type == EV_CHAR)
        field_insert_char(f, ev->ch);
    else if (ev->type == EV_PASTE)
        field_insert_text(f, ev->text, ev->len);
    else if (ev->type != EV_KEY)
        return H_UNKNOWN;
    else
        switch (ev->key) {
        case TK_BACKSPACE: field_backspace(f); break;
        case TK_DELETE: field_delete(f); break;
        case TK_LEFT: field_left(f); break;
        case TK_RIGHT: field_right(f); break;
        case TK_HOME: case TK_CTRL_A: field_home(f); break;
        case TK_END: case TK_CTRL_E: field_end(f); break;
        default: return H_UNKNOWN;
        }
    b->percent = -1;
    return H_HANDLED | H_REDRAW;
}

static int book_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct book_view *b = (struct book_view *)v;
    if (b->focus == F_FILE && edit_file(b, ev) != H_UNKNOWN)
        return H_HANDLED | H_REDRAW;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: case TK_LEFT:
        if (b->focus != F_FORMAT)
            return H_UNKNOWN;
        set_format(b, (b->format + N_FORMATS - 1) % N_FORMATS);
        return H_HANDLED | H_REDRAW;
    case TK_DOWN: case TK_RIGHT:
        if (b->focus != F_FORMAT)
            return H_UNKNOWN;
        set_format(b, (b->format + 1) % N_FORMATS);
        return H_HANDLED | H_REDRAW;
    case TK_TAB: case TK_BTAB:
        b->focus = b->focus == F_FORMAT ? F_FILE : F_FORMAT;
        return H_HANDLED | H_REDRAW;
    case TK_ENTER: case TK_F2: case TK_CTRL_S:
        return write_book(a, b);
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
}

static bool book_typing(struct view *v)
{
    return ((struct book_view *)v)->focus == F_FILE;
}

static void book_destroy(struct view *v)
{
    struct book_view *b = (struct book_view *)v;
    field_free(&b->file);
    free(b);
}

static const view_key_help book_keys[] = {
    {"Enter", N_("Write the book")},
    {"Tab", N_("Next field")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

static const struct view_ops book_ops = {
    .name = "book",
    .title = book_title_of,
    .draw = book_draw,
    .handle = book_handle,
    .destroy = book_destroy,
    .keys = book_keys,
    .typing = book_typing,
};

struct view *book_view_new(struct app *a)
{
    (void)a;
    struct book_view *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->base.ops = &book_ops;
    b->percent = -1;
    b->file = field_new(false, NAME_MAX_CHARS);
    if (!b->file) {
        free(b);
        return NULL;
    }
    const char *name = BASE_NAME ".html";
    field_set(b->file, name, strlen(name));
    return &b->base;
}
