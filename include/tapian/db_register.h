/* The provincial bookkeeping register as the blank register prints it: a
 * format version (label, draft or approved, by whom and when), its
 * registers in Thai order with the agency each came from, and each
 * register's columns in position order. The export module renders them;
 * the SQL stays in src/db. */
#ifndef TAPIAN_DB_REGISTER_H
#define TAPIAN_DB_REGISTER_H

#include <stdbool.h>

#include "tapian/db.h"

/* One format version; strings may be NULL and live only during the call. */
typedef struct {
    const char *id, *label;
    const char *status;      /* draft, approved */
    const char *approved_by; /* the person's "title name" */
    const char *approved_at; /* YYYY-MM-DD */
} db_register_version;

/* One column of one register, in reading order. A register without live
 * columns comes once with position 0 and the column strings NULL. */
typedef struct {
    const char *register_id, *register_name;
    const char *agency;      /* the source agency's short name */
    const char *agency_name; /* its full name */
    int position;
    const char *column, *kind; /* kind: text, number, money, date */
} db_register_cell;

typedef void (*db_register_version_fn)(void *ctx, const db_register_version *v);
typedef bool (*db_register_cell_fn)(void *ctx, const db_register_cell *c);

/* The live version whose id or label is key; key NULL: the newest approved
 * one (approval date, then last change). A label given to several versions
 * picks the newest. TP_ERR_NOTFOUND when none. */
tp_status db_register_version_get(tp_db *db, const char *key,
                                  db_register_version_fn fn, void *ctx);
/* Calls fn per live column of each live register of the version: registers
 * in Thai order of name (then id), columns by position. Return false from
 * fn to stop. */
tp_status db_register_cells(tp_db *db, const char *version_id,
                            db_register_cell_fn fn, void *ctx);

/* Where a finance group is: its name, the village's moo (0 for a group
 * of a tambon) and name (may be NULL), the tambon's name. */
typedef struct {
    const char *id, *name;
    int moo;
    const char *village, *tambon;
} db_register_group_place;

/* The live finance group whose id or name is key, given to fn when exactly
 * one matches. *matches gets how many live groups match (a name such as
 * กองทุนหมู่บ้าน is used in many villages; 0 = none). */
tp_status db_register_group(tp_db *db, const char *key, long long *matches,
                            void (*fn)(void *ctx,
                                       const db_register_group_place *g),
                            void *ctx);

#endif
