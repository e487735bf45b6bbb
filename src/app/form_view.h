/* The generic form's state, shared by its files (form_view.c draws and
 * dispatches, form_save.c loads and saves, form_picker.c chooses
 * references). Private to src/app. */
#ifndef TAPIAN_FORM_VIEW_H
#define TAPIAN_FORM_VIEW_H

#include "form_input.h"
#include "record_action.h"

struct form_view {
    struct view base;
    const screen *s;
    char id[37];          /* "" for a new record */
    long long version;    /* the version the form was loaded at */
    form_input *inputs;
    char **loaded;        /* stored values as loaded (for undo, conflicts) */
    size_t n;
    size_t focus;
    int scroll;
    int width;            /* of the inputs, as last drawn */
    bool read_only;
    bool draft_pending;
    char draft_key[128];
    /* the screen's record action (F6) and its key help */
    struct view_ops ops;
    view_key_help keys[8], date_keys[8]; /* date_keys: a date field focused */
    const record_action *action;
    char cited[256];      /* "Cited by: ..." on the last row, "" = none */
    bool cited_stale;
};

bool form_is(const struct view *v);
/* A new record's column set to value (a ref's id), as if chosen. */
void form_view_prefill(struct app *a, struct view *v, const char *column,
                       const char *value);
/* Columns of the record (every field but multi-references) into cols. */
size_t form_columns(const struct form_view *f, const char **cols);

tp_status form_load(struct app *a, struct form_view *f);
tp_status form_defaults(struct app *a, struct form_view *f);
void form_restore_draft(struct app *a, struct form_view *f);
int form_save(struct app *a, struct form_view *f);
/* Confirmed Esc: drops the draft and closes the form on top. */
void form_discard(struct app *a, void *ctx);
/* The picker for a ref / multiref input. */
struct view *form_picker_new(struct app *a, struct form_view *f,
                             form_input *in);
/* The calendar picker of a date input (date_picker.c). */
struct view *date_picker_new(struct app *a, struct form_view *f,
                             form_input *in);
/* After a conflict: the stored record's values into the form (takes
 * ownership of the strings of theirs, not of the array). */
void form_take_theirs(struct app *a, struct form_view *f, char **theirs,
                      long long version);
/* Both versions side by side after a conflict. */
struct view *conflict_view_new(struct app *a, struct form_view *f,
                               char **theirs, long long their_version);

#endif
