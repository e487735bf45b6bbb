/* The export dialog (export_view.h): asks the format and the file name,
 * then writes with a progress bar. The export runs in the loop's thread, so
 * the bar is drawn from the progress callback. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_view.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define NAME_MAX_CHARS 400

enum { F_FORMAT, F_FILE, F_COUNT };

struct export_view {
    struct view base;
    struct view_ops ops;
    const struct export_spec *spec;
    void *ctx;
    field *file;
    int format;      /* index into spec->formats */
    int focus;
    int bar_y;       /* where the progress bar is drawn */
    int percent;     /* -1 before writing */
};

static const char *export_title_of(struct view *v)
{
    return _(((struct export_view *)v)->spec->title);
}

/* Terminals whose fonts lack the block elements get '#'. */
static bool ascii_only(void)
{
    const char *t = getenv("TERM");
    return t && (strcmp(t, "vt100") == 0 || strcmp(t, "linux") == 0);
}

static void draw_bar(struct export_view *b, int cols)
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

static void export_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct export_view *b = (struct export_view *)v;
    int cols = getmaxx(stdscr);
    int lattr = term_attr_of(TA_LABEL) | A_BOLD;
    (void)a;
    (void)height;
    ui_wrapped(stdscr, top + 1, 2, cols - 4, 2, _(b->spec->intro), A_NORMAL);
    ui_str(stdscr, top + 3, 2, _("Format"), cols - 4, lattr);
    for (int i = 0; i < b->spec->n_formats; i++) {
        char line[200];
        snprintf(line, sizeof line, "(%s) %s", i == b->format ? "*" : " ",
                 _(b->spec->formats[i].label));
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
    struct export_view *b = ctx;
    int p = total ? (int)(done * 100 / total) : 100;
    if (p == b->percent)
        return;
    b->percent = p;
    draw_bar(b, getmaxx(stdscr));
    refresh();
}

static int write_file(struct app *a, struct export_view *b)
{
    const char *path = field_text(b->file);
    if (!path[0]) {
        b->focus = F_FILE;
        app_message(a, TA_ERROR, "%s", _("A file name is required"));
        return H_HANDLED | H_REDRAW;
    }
    b->percent = 0;
    progress(b, 0, 1);
    char msg[512] = "";
    tp_status s = b->spec->write(a, b->ctx, b->spec->formats[b->format].code,
                                 path, progress, b, msg, sizeof msg);
    b->percent = s == TP_OK ? 100 : -1;
    app_message(a, s == TP_OK ? TA_NOTICE : TA_ERROR, "%s", msg);
    return H_HANDLED | H_REDRAW;
}

/* Keeps the extension in step with the format while the name is ours. */
static void set_format(struct export_view *b, int i)
{
    const struct export_spec *sp = b->spec;
    char old[128];
    snprintf(old, sizeof old, "%s.%s", sp->base_name, sp->formats[b->format].ext);
    b->format = i;
    if (strcmp(field_text(b->file), old) == 0) {
        char name[128];
        snprintf(name, sizeof name, "%s.%s", sp->base_name, sp->formats[i].ext);
        field_set(b->file, name, strlen(name));
    }
}

static int edit_file(struct export_view *b, const term_event *ev)
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

static int export_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct export_view *b = (struct export_view *)v;
    if (b->focus == F_FILE && edit_file(b, ev) != H_UNKNOWN)
        return H_HANDLED | H_REDRAW;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    int n = b->spec->n_formats;
    switch (ev->key) {
    case TK_UP: case TK_LEFT:
        if (b->focus != F_FORMAT)
            return H_UNKNOWN;
        set_format(b, (b->format + n - 1) % n);
        return H_HANDLED | H_REDRAW;
    case TK_DOWN: case TK_RIGHT:
        if (b->focus != F_FORMAT)
            return H_UNKNOWN;
        set_format(b, (b->format + 1) % n);
        return H_HANDLED | H_REDRAW;
    case TK_TAB: case TK_BTAB:
        b->focus = b->focus == F_FORMAT ? F_FILE : F_FORMAT;
        return H_HANDLED | H_REDRAW;
    case TK_ENTER: case TK_F2: case TK_CTRL_S:
        return write_file(a, b);
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
}

static bool export_typing(struct view *v)
{
    return ((struct export_view *)v)->focus == F_FILE;
}

static void export_destroy(struct view *v)
{
    struct export_view *b = (struct export_view *)v;
    field_free(&b->file);
    free(b->ctx);
    free(b);
}

struct view *export_view_new(struct app *a, const struct export_spec *spec,
                             void *ctx)
{
    (void)a;
    struct export_view *b = calloc(1, sizeof *b);
    if (!b) {
        free(ctx);
        return NULL;
    }
    b->ops = (struct view_ops){
        .name = spec->name,
        .title = export_title_of,
        .draw = export_draw,
        .handle = export_handle,
        .destroy = export_destroy,
        .keys = spec->keys,
        .typing = export_typing,
    };
    b->base.ops = &b->ops;
    b->spec = spec;
    b->ctx = ctx;
    b->percent = -1;
    b->file = field_new(false, NAME_MAX_CHARS);
    if (!b->file) {
        export_destroy(&b->base);
        return NULL;
    }
    char name[128];
    snprintf(name, sizeof name, "%s.%s", spec->base_name, spec->formats[0].ext);
    field_set(b->file, name, strlen(name));
    return &b->base;
}
