/* One input of a generic form: the editor or value behind a screen field.
 * Private to the form view's files. */
#ifndef TAPIAN_FORM_INPUT_H
#define TAPIAN_FORM_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/app.h"
#include "tapian/field.h"
#include "tapian/form_value.h"
#include "tapian/screen.h"

typedef struct {
    const screen_field *def;
    field *edit;      /* text, multiline, number, money, date */
    char *value;      /* choice code, check "1"/"0", ref id; NULL = none */
    char **ids;       /* multiref */
    size_t n_ids;
    char *label;      /* what a ref / multiref shows (cached) */
    const char *error; /* message of the last validation, or NULL */
    bool changed;
} form_input;

/* True for the types edited with the field editor. */
bool form_input_is_text(const form_input *in);
tp_status form_input_init(form_input *in, const screen_field *def);
void form_input_free(form_input *in);
/* Sets the input from a stored value (or NULL), as loaded or from a draft. */
void form_input_set_stored(struct app *a, form_input *in, const char *stored);
/* The value to store (malloc'd, NULL for empty) after validation; sets
 * in->error and returns false when the input is not valid. */
bool form_input_stored(form_input *in, char **stored);
/* What the draft keeps: the typed text, or the stored value. */
char *form_input_draft(const form_input *in);
void form_input_set_draft(struct app *a, form_input *in, const char *draft);
/* Rows the input takes in the form. */
int form_input_rows(const form_input *in);
/* Handles a key for the focused input; H_UNKNOWN when it is not the
 * input's. */
int form_input_key(struct app *a, form_input *in, const term_event *ev,
                   int width);
/* Draws the input at (y, x) width columns wide. */
void form_input_draw(form_input *in, int y, int x, int width, int height,
                     bool focused, int *cy, int *cx);
/* Multiref: replaces the chosen ids. */
void form_input_set_ids(struct app *a, form_input *in, const char *const *ids,
                        size_t n);
/* Refreshes the label shown for a ref or multiref. */
void form_input_update_label(struct app *a, form_input *in);

#endif
