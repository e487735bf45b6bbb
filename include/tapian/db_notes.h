/* Quick notes and drafts: what a recorder types is kept as a draft while
 * typing and becomes a note record when saved. */
#ifndef TAPIAN_DB_NOTES_H
#define TAPIAN_DB_NOTES_H

#include "tapian/db.h"

/* Drafts are keyed by form, user and field; saving one replaces the last. */
tp_status db_draft_save(tp_db *db, const char *form, const char *user,
                        const char *field, const char *value);
/* *value is malloc'd; TP_ERR_NOTFOUND when there is no draft. */
tp_status db_draft_load(tp_db *db, const char *form, const char *user,
                        const char *field, char **value);
tp_status db_draft_clear(tp_db *db, const char *form, const char *user);

/* Adds a note as the connection's login; id (37 bytes) gets its UUID. */
tp_status db_note_add(tp_db *db, const char *title, const char *body,
                      char id[37]);
/* How many live notes have exactly this title (for tests and the home
 * screen). */
tp_status db_note_count(tp_db *db, const char *title, int *count);

#endif
