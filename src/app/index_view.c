/* Every records screen the user may see, in Thai order of their titles;
 * typing narrows by title or by the screen's name (e.g. "meeting"). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define INDEX_MAX 64

struct index_view {
    struct view base;
    field *filter;
    const screen *all[INDEX_MAX];
    size_t n_all;
    const screen *shown[INDEX_MAX];
    size_t n_shown;
    int selected;
};

static int by_title(const void *x, const void *y)
{
    const char *a = screen_title(*(const screen *const *)x);
    const char *b = screen_title(*(const screen *const *)y);
    return text_collate(a, strlen(a), b, strlen(b));
}

static void narrow(struct index_view *iv)
{
    const char *q = field_text(iv->filter);
    size_t qn = strlen(q);
    iv->n_shown = 0;
    for (size_t i = 0; i < iv->n_all; i++) {
        const screen *s = iv->all[i];
        const char *t = screen_title(s);
        if (!qn || text_contains(t, strlen(t), q, qn) ||
            text_contains(s->name, strlen(s->name), q, qn))
            iv->shown[iv->n_shown++] = s;
    }
    if (iv->selected >= (int)iv->n_shown)
        iv->selected = iv->n_shown ? (int)iv->n_shown - 1 : 0;
}

static const char *index_title(struct view *v)
{
    (void)v;
    return _("All lists");
}

static void index_draw(struct app *a, struct view *v, int top, int height,
                       int *cy, int *cx)
{
    struct index_view *iv = (struct index_view *)v;
    int cols = getmaxx(stdscr);
    (void)a;
    /* titles follow the language, which may have changed */
    qsort(iv->all, iv->n_all, sizeof iv->all[0], by_title);
    narrow(iv);
    int w = ui_str(stdscr, top, 1, _("Find:"), 20, A_BOLD) + 2;
    field_view_draw(stdscr, iv->filter, top, w, cols - w - 2, 1, true, cy, cx);
    int rows = height - 2;
    int first = iv->selected >= rows ? iv->selected - rows + 1 : 0;
    for (int i = 0; i < rows && first + i < (int)iv->n_shown; i++) {
        const screen *s = iv->shown[first + i];
        bool sel = first + i == iv->selected;
        int attr = sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, top + 2 + i, 0, cols, attr);
        ui_str(stdscr, top + 2 + i, 2, screen_title(s), cols - 30, attr);
        ui_str(stdscr, top + 2 + i, cols - 26, s->name, 25,
               sel ? attr : term_attr_of(TA_LABEL));
    }
}

static int index_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct index_view *iv = (struct index_view *)v;
    if (ev->type == EV_CHAR) {
        field_insert_char(iv->filter, ev->ch);
        iv->selected = 0;
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type == EV_PASTE) {
        field_insert_text(iv->filter, ev->text, ev->len);
        return H_HANDLED | H_REDRAW;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (iv->selected > 0) iv->selected--; break;
    case TK_DOWN: if (iv->selected + 1 < (int)iv->n_shown) iv->selected++; break;
    case TK_BACKSPACE: field_backspace(iv->filter); break;
    case TK_ENTER:
        if (iv->n_shown) {
            struct view *l = list_view_new(a, iv->shown[iv->selected]);
            if (l)
                app_push(a, l);
        }
        break;
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static bool index_typing(struct view *v)
{
    (void)v;
    return true;
}

static void index_destroy(struct view *v)
{
    struct index_view *iv = (struct index_view *)v;
    field_free(&iv->filter);
    free(iv);
}

static const view_key_help index_keys[] = {
    {"Enter", N_("Open")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops index_ops = {
    .name = "index",
    .title = index_title,
    .draw = index_draw,
    .handle = index_handle,
    .destroy = index_destroy,
    .keys = index_keys,
    .typing = index_typing,
};

struct view *index_view_new(struct app *a)
{
    struct index_view *iv = calloc(1, sizeof *iv);
    if (!iv)
        return NULL;
    iv->base.ops = &index_ops;
    iv->filter = field_new(false, 60);
    if (!iv->filter) {
        free(iv);
        return NULL;
    }
    for (size_t i = 0; i < a->screens.n && iv->n_all < INDEX_MAX; i++) {
        const screen *s = &a->screens.screens[i];
        if (s->kind == SCREEN_RECORDS && s->n_columns &&
            screen_may_view(s, app_role_codes(a), a->n_roles))
            iv->all[iv->n_all++] = s;
    }
    return &iv->base;
}
