/* screen — screen definitions as data (screens/NAME.ini): a screen's titles,
 * its record source, list columns, form fields and which roles may view and
 * edit it. Compiled into the binary; a directory given with --screens
 * overrides screens by name. The generic list and form views do the rest. */
#ifndef TAPIAN_SCREEN_H
#define TAPIAN_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/db.h"
#include "tapian/status.h"

typedef enum {
    SF_TEXT,      /* one line */
    SF_MULTILINE, /* the multi-line field editor */
    SF_NUMBER,    /* integer */
    SF_MONEY,     /* baht, two decimals */
    SF_DATE,      /* stored ISO (CE), shown and typed in the Buddhist era */
    SF_CHOICE,    /* one of choices[] */
    SF_REF,       /* the id of a row of `ref`, chosen with a picker */
    SF_MULTIREF,  /* several rows of `ref`, kept in the junction table `via` */
    SF_CHECK      /* yes / no, stored 1 / 0 */
} screen_field_type;

typedef struct {
    char *value;    /* stored code, e.g. "amnuay" */
    char *label;    /* Thai */
    char *label_en;
} screen_choice;

typedef struct {
    char *name;     /* the column (for multiref: a name of the field only) */
    screen_field_type type;
    char *label, *label_en;
    char *help, *help_en;
    bool required;
    bool has_min, has_max;
    double min, max;     /* number and money ranges */
    char *date_min, *date_max; /* date range: "today" or ISO (CE); NULL = none */
    size_t max_length;   /* code points, text and multiline; 0 = none */
    screen_choice *choices;
    size_t n_choices;
    char *default_value; /* as stored; "today" for dates */
    char *ref;           /* ref / multiref: the table referred to */
    char *ref_label;     /* its column shown to people (e.g. name) */
    char *ref_order;     /* its column the picker orders by (NULL: the label,
                          * in Thai order) */
    char *via;           /* multiref: junction table (e.g. attendance) */
    char *via_self;      /* its column pointing at this record */
    char *via_other;     /* its column pointing at the ref table */
    char *via_set;       /* "column=value" set on new junction rows (e.g.
                            status=present); NULL = none */
    int line;            /* where it is defined, for messages */
} screen_field;

typedef struct {
    char *column;
    int width;           /* columns on an 80-column screen */
    char *label, *label_en;
    int line;            /* where it is defined, for messages */
} screen_column;

typedef enum {
    SCREEN_RECORDS, /* a generic list with its form */
    SCREEN_VIEW     /* a view written in C; the file gives texts and roles */
} screen_kind;

typedef struct {
    char *name;          /* file base name without .ini, e.g. "meeting" */
    char *file;          /* path, or "builtin/NAME.ini" */
    screen_kind kind;
    char *title, *title_en;
    char *help, *help_en;
    char *source;        /* the table (SCREEN_RECORDS) */
    screen_column *columns;
    size_t n_columns;
    char *order;         /* column of the default order */
    bool order_desc;
    char **search;       /* columns searched with / */
    size_t n_search;
    char **filters;      /* offered filters: tambon, village, group, date */
    size_t n_filters;
    screen_field *fields;
    size_t n_fields;
    char **roles_view;   /* role codes; "all" = everyone */
    size_t n_roles_view;
    char **roles_edit;
    size_t n_roles_edit;
    /* Where things are defined, for messages from screen_check (0 = not in
     * the file): the [screen] header and some of its keys. */
    int line, source_line, order_line, search_line, filters_line;
} screen;

typedef struct {
    screen *screens;
    size_t n;
} screen_set;

/* Parses one screen file. On error returns TP_ERR_INVALID and writes
 * "FILE:LINE: message" into err. */
tp_status screen_parse(const char *file, const char *text, size_t len,
                       screen *out, char *err, size_t errsize);
/* The screens compiled into the program, then those of dir (may be NULL)
 * replacing them by name or adding to them. */
tp_status screen_load(const char *dir, screen_set *out, char *err,
                      size_t errsize);
/* Every source table, column, ref and junction exists in the schema and
 * every type fits its column ("FILE:LINE: message" on error). */
tp_status screen_check(const screen *s, tp_db *db, char *err, size_t errsize);
const screen *screen_find(const screen_set *set, const char *name);
/* The screen whose source is table, if any. */
const screen *screen_for_table(const screen_set *set, const char *table);
bool screen_may_view(const screen *s, const char *const *roles, size_t n);
bool screen_may_edit(const screen *s, const char *const *roles, size_t n);
void screen_free(screen *s);
void screen_set_free(screen_set *set);

/* Texts in the current language (Thai unless English is on). */
const char *screen_title(const screen *s);
const char *screen_help(const screen *s);
const char *screen_field_label(const screen_field *f);
const char *screen_column_label(const screen_column *c);
const char *screen_choice_label(const screen_choice *c);

#endif
