/* The inputs of a generic form, one per screen field type. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define MULTILINE_ROWS 4

bool form_input_is_text(const form_input *in)
{
    switch (in->def->type) {
    case SF_TEXT: case SF_MULTILINE: case SF_NUMBER: case SF_MONEY:
    case SF_DATE:
        return true;
    default:
        return false;
    }
}

tp_status form_input_init(form_input *in, const screen_field *def)
{
    memset(in, 0, sizeof *in);
    in->def = def;
    if (form_input_is_text(in)) {
        size_t max = def->max_length;
        if (def->type != SF_TEXT && def->type != SF_MULTILINE)
            max = 40; /* numbers and dates are short */
        in->edit = field_new(def->type == SF_MULTILINE, max);
        if (!in->edit)
            return TP_ERR_NOMEM;
    }
    return TP_OK;
}

static void free_ids(form_input *in)
{
    for (size_t i = 0; i < in->n_ids; i++)
        free(in->ids[i]);
    free(in->ids);
    in->ids = NULL;
    in->n_ids = 0;
}

void form_input_free(form_input *in)
{
    field_free(&in->edit);
    free(in->value);
    free(in->label);
    free_ids(in);
    memset(in, 0, sizeof *in);
}

void form_input_update_label(struct app *a, form_input *in)
{
    free(in->label);
    in->label = NULL;
    const screen_field *f = in->def;
    if (f->type == SF_REF && in->value && f->ref && f->ref_label) {
        if (db_ref_label(a->db, f->ref, f->ref_label, in->value, &in->label) != TP_OK) {
            free(in->label);
            in->label = strdup(in->value);
        }
    } else if (f->type == SF_MULTIREF && f->ref && f->ref_label) {
        size_t cap = 64, len = 0;
        char *s = malloc(cap);
        if (!s)
            return;
        len = (size_t)snprintf(s, cap, "(%zu) ", in->n_ids);
        for (size_t i = 0; i < in->n_ids; i++) {
            char *one = NULL;
            if (db_ref_label(a->db, f->ref, f->ref_label, in->ids[i], &one) != TP_OK || !one)
                continue;
            size_t need = len + strlen(one) + 3;
            if (need > cap) {
                cap = need * 2;
                char *ns = realloc(s, cap);
                if (!ns) {
                    free(one);
                    break;
                }
                s = ns;
            }
            len += (size_t)snprintf(s + len, cap - len, "%s%s", i ? ", " : "", one);
            free(one);
        }
        in->label = s;
    }
}

void form_input_set_stored(struct app *a, form_input *in, const char *stored)
{
    if (in->edit) {
        char *text = form_value_editable(in->def, stored);
        field_set(in->edit, text ? text : "", text ? strlen(text) : 0);
        field_mark_saved(in->edit);
        free(text);
    } else if (in->def->type != SF_MULTIREF) {
        free(in->value);
        in->value = stored ? strdup(stored) : NULL;
        form_input_update_label(a, in);
    }
    in->changed = false;
    in->error = NULL;
}

bool form_input_stored(form_input *in, char **stored)
{
    *stored = NULL;
    fv_result r;
    if (in->edit)
        r = form_value_parse(in->def, field_text(in->edit), stored);
    else if (in->def->type == SF_MULTIREF)
        r = (in->def->required && in->n_ids == 0) ? FV_REQUIRED : FV_EMPTY;
    else if (in->value)
        r = form_value_parse(in->def, in->value, stored);
    else
        r = in->def->required ? FV_REQUIRED : FV_EMPTY;
    in->error = (r == FV_OK || r == FV_EMPTY) ? NULL : form_value_message(r);
    return in->error == NULL;
}

char *form_input_draft(const form_input *in)
{
    if (in->edit)
        return strdup(field_text(in->edit));
    if (in->def->type == SF_MULTIREF) {
        size_t len = 1;
        for (size_t i = 0; i < in->n_ids; i++)
            len += strlen(in->ids[i]) + 1;
        char *s = malloc(len);
        if (!s)
            return NULL;
        s[0] = 0;
        for (size_t i = 0; i < in->n_ids; i++) {
            if (i)
                strcat(s, ",");
            strcat(s, in->ids[i]);
        }
        return s;
    }
    return strdup(in->value ? in->value : "");
}

void form_input_set_ids(struct app *a, form_input *in, const char *const *ids,
                        size_t n)
{
    free_ids(in);
    in->ids = n ? calloc(n, sizeof *in->ids) : NULL;
    for (size_t i = 0; in->ids && i < n; i++)
        if ((in->ids[i] = strdup(ids[i])))
            in->n_ids++;
    form_input_update_label(a, in);
}

void form_input_set_draft(struct app *a, form_input *in, const char *draft)
{
    if (in->edit) {
        field_set(in->edit, draft, strlen(draft));
    } else if (in->def->type == SF_MULTIREF) {
        const char *ids[256];
        size_t n = 0;
        char *copy = strdup(draft);
        for (char *tok = copy ? strtok(copy, ",") : NULL; tok && n < 256;
             tok = strtok(NULL, ","))
            ids[n++] = tok;
        form_input_set_ids(a, in, ids, n);
        free(copy);
    } else {
        free(in->value);
        in->value = draft[0] ? strdup(draft) : NULL;
        form_input_update_label(a, in);
    }
    in->changed = true;
}

int form_input_rows(const form_input *in)
{
    return in->def->type == SF_MULTILINE ? MULTILINE_ROWS : 1;
}

static void cycle_choice(form_input *in, int step)
{
    const screen_field *f = in->def;
    if (f->n_choices == 0)
        return;
    int cur = -1;
    for (size_t i = 0; in->value && i < f->n_choices; i++)
        if (strcmp(in->value, f->choices[i].value) == 0)
            cur = (int)i;
    int n = (int)f->n_choices;
    int next = cur < 0 ? (step > 0 ? 0 : n - 1) : ((cur + step) % n + n) % n;
    free(in->value);
    in->value = strdup(f->choices[next].value);
    in->changed = true;
}

static int edit_key(form_input *in, const term_event *ev, int width)
{
    field *f = in->edit;
    field_result r = FIELD_OK;
    if (ev->type == EV_CHAR)
        r = field_insert_char(f, ev->ch);
    else if (ev->type == EV_PASTE)
        r = field_insert_text(f, ev->text, ev->len);
    else if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_BACKSPACE: field_backspace(f); break;
        case TK_DELETE: field_delete(f); break;
        case TK_LEFT: field_left(f); return H_HANDLED | H_REDRAW;
        case TK_RIGHT: field_right(f); return H_HANDLED | H_REDRAW;
        case TK_HOME: case TK_CTRL_A: field_home(f); return H_HANDLED | H_REDRAW;
        case TK_END: case TK_CTRL_E: field_end(f); return H_HANDLED | H_REDRAW;
        case TK_CTRL_LEFT: field_word_left(f); return H_HANDLED | H_REDRAW;
        case TK_CTRL_RIGHT: field_word_right(f); return H_HANDLED | H_REDRAW;
        case TK_UP:
        case TK_DOWN: {
            if (!f->multiline)
                return H_UNKNOWN;
            size_t before = f->cursor;
            if (ev->key == TK_UP)
                field_up(f, width);
            else
                field_down(f, width);
            /* at the first or last line the arrow moves between fields */
            return f->cursor == before ? H_UNKNOWN : H_HANDLED | H_REDRAW;
        }
        case TK_ENTER:
            if (!f->multiline)
                return H_UNKNOWN;
            r = field_insert_char(f, '\n');
            break;
        default:
            return H_UNKNOWN;
        }
    } else {
        return H_UNKNOWN;
    }
    in->changed = true;
    in->error = NULL;
    switch (r) {
    case FIELD_REJECTED:
        in->error = _("This mark cannot follow the character before it");
        break;
    case FIELD_FULL: in->error = _("The field is full"); break;
    case FIELD_INVALID:
        in->error = _("Not text: invalid characters were refused");
        break;
    default: break;
    }
    return H_HANDLED | H_REDRAW;
}

int form_input_key(struct app *a, form_input *in, const term_event *ev,
                   int width)
{
    (void)a;
    if (in->edit)
        return edit_key(in, ev, width);
    bool space = ev->type == EV_CHAR && ev->ch == ' ';
    switch (in->def->type) {
    case SF_CHOICE:
        if (space || (ev->type == EV_KEY && ev->key == TK_RIGHT)) {
            cycle_choice(in, 1);
            return H_HANDLED | H_REDRAW;
        }
        if (ev->type == EV_KEY && ev->key == TK_LEFT) {
            cycle_choice(in, -1);
            return H_HANDLED | H_REDRAW;
        }
        if (ev->type == EV_KEY && (ev->key == TK_DELETE || ev->key == TK_BACKSPACE)) {
            free(in->value);
            in->value = NULL;
            in->changed = true;
            return H_HANDLED | H_REDRAW;
        }
        return H_UNKNOWN;
    case SF_CHECK:
        if (space) {
            bool on = in->value && strcmp(in->value, "1") == 0;
            free(in->value);
            in->value = strdup(on ? "0" : "1");
            in->changed = true;
            return H_HANDLED | H_REDRAW;
        }
        return H_UNKNOWN;
    case SF_REF:
        if (ev->type == EV_KEY && (ev->key == TK_DELETE || ev->key == TK_BACKSPACE)) {
            free(in->value);
            in->value = NULL;
            free(in->label);
            in->label = NULL;
            in->changed = true;
            return H_HANDLED | H_REDRAW;
        }
        return H_UNKNOWN;
    default:
        return H_UNKNOWN;
    }
}

void form_input_draw(form_input *in, int y, int x, int width, int height,
                     bool focused, int *cy, int *cx)
{
    int attr = term_attr_of(focused ? TA_FIELD_FOCUS : TA_FIELD);
    if (in->edit) {
        field_view_draw(stdscr, in->edit, y, x, width, height, focused, cy, cx);
        return;
    }
    ui_fill(stdscr, y, x, width, attr);
    const char *shown = "";
    char *owned = NULL;
    switch (in->def->type) {
    case SF_CHOICE:
        owned = in->value ? form_value_display(in->def, in->value) : NULL;
        shown = owned ? owned : _("(choose with Space)");
        break;
    case SF_CHECK:
        shown = in->value && strcmp(in->value, "1") == 0 ? "[✓]" : "[ ]";
        break;
    case SF_REF:
    case SF_MULTIREF:
        shown = in->label ? in->label : _("(Enter to choose)");
        break;
    default:
        break;
    }
    ui_str(stdscr, y, x, shown, width, attr);
    free(owned);
    if (focused && cy && cx) {
        *cy = y;
        *cx = x;
    }
}
