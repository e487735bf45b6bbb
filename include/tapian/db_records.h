/* Generic record access for the list and form views, and who may write what.
 * Table and column names come from screen files; the db layer checks every
 * one against the schema and quotes it, and every value is a bound
 * parameter. Views never see SQL. */
#ifndef TAPIAN_DB_RECORDS_H
#define TAPIAN_DB_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/db.h"

/* ---- schema introspection ---------------------------------------------- */

/* decl_type is the declared type as written (TEXT, INTEGER, REAL, ...). */
typedef void (*db_column_fn)(void *ctx, const char *name,
                             const char *decl_type, bool not_null);
/* Calls fn for each column of table; TP_ERR_NOTFOUND when there is no such
 * table. */
tp_status db_table_columns(tp_db *db, const char *table, db_column_fn fn,
                           void *ctx);
bool db_has_column(tp_db *db, const char *table, const char *column);
/* Whether table.column is a foreign key to ref_table. */
bool db_column_refers_to(tp_db *db, const char *table, const char *column,
                         const char *ref_table);

/* ---- lists ------------------------------------------------------------- */

typedef struct {
    const char *table;
    const char *const *columns; /* values returned in this order */
    size_t n_columns;
    const char *order_column;   /* text columns sort in Thai order */
    bool order_desc;
    /* Substring search (NFC, any length, Thai included) in these columns;
     * NULL or "" = no search. */
    const char *search;
    const char *const *search_columns;
    size_t n_search;
    /* column = value, all must hold */
    const db_value *filters;
    size_t n_filters;
    /* date_column between date_from and date_to (ISO, inclusive; NULL =
     * open). */
    const char *date_column;
    const char *date_from, *date_to;
    /* place_column is place_id or a place below it (tambon → villages). */
    const char *place_column;
    const char *place_id;
    long offset;
    int limit;                  /* 0 = no limit */
    bool include_deleted;
    /* Keyset paging, at the same cost at any depth: with seek_id, the rows
     * after that row in the list's order; with seek_back, the rows before
     * it (without seek_id: the last rows), still given in list order.
     * offset must still say where the rows start: it is used instead when
     * the order cannot be sought (Thai order without a stored key, a row
     * whose key is NULL). */
    const char *seek_id;
    bool seek_back;
} db_list_query;

typedef struct {
    const char *id;
    long long version;
    bool deleted;
    const char *const *values; /* NULL for SQL NULL */
    size_t n;
} db_row;

/* Return nonzero to stop. */
typedef int (*db_record_fn)(void *ctx, const db_row *row);

tp_status db_list(tp_db *db, const db_list_query *q, db_record_fn fn, void *ctx);
/* Rows the query matches, ignoring offset and limit. Kept per connection
 * while no one has written to the file (PRAGMA data_version and this
 * connection's own changes), so asking again costs nothing. */
tp_status db_list_count(tp_db *db, const db_list_query *q, long *count);
/* Position (0-based) of row id in the query's order, for jumping to it;
 * TP_ERR_NOTFOUND when it does not match. A count of the index entries
 * before the row when the order can be sought. */
tp_status db_list_position(tp_db *db, const db_list_query *q, const char *id,
                           long *pos);
/* The first row after from_id (backward: before it) in the list's order
 * that matches q's search; from_id NULL = from the start (the end). Looks
 * at no more than budget rows (-1: all): TP_ERR_NOTFOUND then, with reached
 * = the last row looked at, to go on from with another call, or "" when
 * the list ended. *steps: how many rows on from from_id the found (or
 * reached) row is, in the list without the search, so the caller knows
 * its position without counting. offset and limit are not used. */
tp_status db_list_find(tp_db *db, const db_list_query *q, const char *from_id,
                       bool backward, long budget, char found[DB_UUID_LEN],
                       char reached[DB_UUID_LEN], long *steps);

/* ---- one record -------------------------------------------------------- */

/* Reads columns of one row (live or tombstoned); fn is called once. */
tp_status db_record_get(tp_db *db, const char *table, const char *id,
                        const char *const *columns, size_t n, db_record_fn fn,
                        void *ctx);
/* The text of label_column of row id of table (malloc'd). */
tp_status db_ref_label(tp_db *db, const char *table, const char *label_column,
                       const char *id, char **out);

/* ---- multi-references through a junction table -------------------------- */

typedef void (*db_id_fn)(void *ctx, const char *id);
/* Live junction rows via.self_col = self_id: calls fn with via.other_col. */
tp_status db_multiref_get(tp_db *db, const char *via, const char *self_col,
                          const char *self_id, const char *other_col,
                          db_id_fn fn, void *ctx);
/* Makes the live set equal to ids: missing ones are inserted (with the
 * extra values, e.g. status = present), ones no longer chosen are
 * tombstoned. One transaction, audited. */
tp_status db_multiref_set(tp_db *db, const char *via, const char *self_col,
                          const char *self_id, const char *other_col,
                          const char *const *ids, size_t n,
                          const db_value *extra, size_t n_extra);

/* ---- who may write what ------------------------------------------------ */

/* The roles of the person using this connection (role codes such as
 * khun_banthuek, and "admin"). */
void db_set_roles(tp_db *db, const char *const *roles, size_t n);
/* Allows role to write table (from the screen files). Once any permission
 * is registered for a table, db_insert / db_update / db_tombstone /
 * db_restore / db_multiref_set on it refuse with TP_ERR_PERM unless one of
 * the connection's roles is allowed. "admin" may write everything. */
tp_status db_permit(tp_db *db, const char *table, const char *role);
bool db_may_write(tp_db *db, const char *table);

/* ---- people and users -------------------------------------------------- */

typedef struct {
    const char *user_id;
    const char *login;
    const char *person_id;
    const char *display_name; /* title + name of the person, or the login */
    bool has_pin;
} db_user;

typedef void (*db_user_fn)(void *ctx, const db_user *u);
/* Live users in Thai order of their display names. */
tp_status db_users(tp_db *db, db_user_fn fn, void *ctx);
tp_status db_user_by_login(tp_db *db, const char *login, db_user_fn fn,
                           void *ctx);
tp_status db_user_by_os_user(tp_db *db, const char *os_user, db_user_fn fn,
                             void *ctx);
/* Role codes held now by the user's person (role_assignment whose period
 * covers today); "admin" for users marked admin. */
typedef void (*db_role_fn)(void *ctx, const char *code, const char *name_th,
                           const char *name_en);
tp_status db_user_roles(tp_db *db, const char *user_id, db_role_fn fn,
                        void *ctx);
/* The stored PIN hash (malloc'd; NULL when no PIN is set). */
tp_status db_user_pin_hash(tp_db *db, const char *user_id, char **hash);
tp_status db_user_set_pin_hash(tp_db *db, const char *user_id,
                               const char *hash);
/* Failed PIN attempts, for the delay and lockout. */
tp_status db_user_failures(tp_db *db, const char *user_id, int *count,
                           char last_at[32]);
/* at: when it happened (ISO UTC, as db timestamps are written); NULL = now.
 * The caller's clock is used so that the wait it computes and the time
 * stored agree even when checking the PIN itself took a while. */
tp_status db_user_record_failure(tp_db *db, const char *user_id, bool failed,
                                 const char *at);

#endif
