/* The page of rows behind both choosers — the one-row chooser of list
 * filters (pick_view.c) and a form's reference picker (form_picker.c):
 * a find field, the rows of a list query in its order, the highlight
 * moved by the arrow and page keys. Private to src/app. */
#ifndef TAPIAN_PICK_ROWS_H
#define TAPIAN_PICK_ROWS_H

#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/field.h"

#define PICK_PAGE 100

struct pick_row {
    char id[37];
    char *label;
};

/* The owner's part: the query (cols has room for two columns; the rows
 * layer sets its search from the find field, offset and limit), each
 * row's label (malloc'd) and, optionally, what is drawn before a row and
 * the text at the right of the find line (else the number of rows). */
typedef struct {
    void (*query)(void *ctx, db_list_query *q, const char **cols);
    char *(*label)(void *ctx, const db_row *row);
    const char *(*prefix)(void *ctx, const struct pick_row *row);
    void (*count)(void *ctx, char *out, size_t size);
    void *ctx;
} pick_source;

struct pick_rows {
    pick_source src;
    field *find;
    struct pick_row rows[PICK_PAGE];
    int n_rows;
    long total, top, selected;
    int visible;
    bool stale;
};

bool pick_rows_init(struct pick_rows *r, const pick_source *src);
void pick_rows_free(struct pick_rows *r);
/* The find line, then the rows; reads the page first when the height
 * changed or a key moved the highlight. */
void pick_rows_draw(struct app *a, struct pick_rows *r, int top, int height,
                    int *cy, int *cx);
/* Typing into the find field, Backspace, Up/Down/PgUp/PgDn; H_UNKNOWN for
 * every other key (Enter, Esc, and what the owner gives a meaning). */
int pick_rows_handle(struct pick_rows *r, const term_event *ev);
/* The highlighted row, or NULL when the list is empty. */
const struct pick_row *pick_rows_current(const struct pick_rows *r);

#endif
