/* Schema introspection for the generic views: every table and column name
 * that comes from a screen file is checked here against the schema before
 * it is quoted into SQL. The answers come from the connection's picture of
 * the schema (db_schema.c). */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"

bool db_table_exists(tp_db *db, const char *table)
{
    /* Tables only: a view is not a table to write. */
    return db_schema_has_table(db, table);
}

static void copy_type(void *ctx, const char *name, const char *decl_type,
                      bool not_null)
{
    (void)name, (void)not_null;
    snprintf(ctx, 32, "%s", decl_type ? decl_type : "");
}

bool db_column_type(tp_db *db, const char *table, const char *column,
                    char type[32])
{
    type[0] = '\0';
    return db_schema_column(db, table, column, copy_type, type);
}

tp_status db_table_columns(tp_db *db, const char *table, db_column_fn fn,
                           void *ctx)
{
    if (!db_schema_columns(db, table, fn, ctx)) {
        db_set_error(db, "no table %s", table ? table : "(none)");
        return TP_ERR_NOTFOUND;
    }
    return TP_OK;
}

bool db_has_column(tp_db *db, const char *table, const char *column)
{
    return db_schema_column(db, table, column, NULL, NULL);
}

bool db_column_refers_to(tp_db *db, const char *table, const char *column,
                         const char *ref_table)
{
    return db_schema_refers(db, table, column, ref_table);
}
