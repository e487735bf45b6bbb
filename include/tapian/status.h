/* Status codes shared by every module, with a message for the user. */
#ifndef TAPIAN_STATUS_H
#define TAPIAN_STATUS_H

/* X(name, English message). The Thai text comes from the gettext catalogue;
 * N_ is defined by tapian/i18n.h where the list is expanded with messages. */
#define TP_STATUS_LIST(X)                                                      \
    X(TP_OK, N_("OK"))                                                             \
    X(TP_ERR_NOMEM, N_("Out of memory"))                                           \
    X(TP_ERR_INVALID_UTF8, N_("The text is not valid UTF-8"))                      \
    X(TP_ERR_TOO_LONG, N_("The text is too long"))                                 \
    X(TP_ERR_INVALID, N_("The value is not valid"))                                \
    X(TP_ERR_IO, N_("The file could not be read or written"))                      \
    X(TP_ERR_BUSY, N_("The database is busy; please try again"))                   \
    X(TP_ERR_LOCKED, N_("The database is locked by another program"))              \
    X(TP_ERR_READONLY, N_("The database is read-only"))                            \
    X(TP_ERR_CORRUPT, N_("The database file is damaged"))                          \
    X(TP_ERR_NEWER, N_("The database was made by a newer version of tapian"))      \
    X(TP_ERR_NOTADB, N_("The file is not a tapian database"))                      \
    X(TP_ERR_CONSTRAINT, N_("The record breaks a rule of the data"))               \
    X(TP_ERR_NOTFOUND, N_("Not found"))                                            \
    X(TP_ERR_CONFLICT, N_("Someone else changed this record meanwhile"))           \
    X(TP_ERR_PERM, N_("Your role may not do this"))                                \
    X(TP_ERR_FULL, N_("The disk is full"))                                         \
    X(TP_ERR_CANTOPEN, N_("The database file cannot be opened"))              \
    X(TP_ERR_MOVED, N_("The database file was moved, deleted or replaced; "  \
                       "nothing more is saved: quit and start tapian again"))

typedef enum {
#define TP_STATUS_ENUM(name, msg) name,
    TP_STATUS_LIST(TP_STATUS_ENUM)
#undef TP_STATUS_ENUM
    TP_STATUS_COUNT
} tp_status;

/* The message in the user's language (through gettext). */
const char *tp_status_message(tp_status s);
/* The symbolic name, e.g. "TP_ERR_LOCKED", for logs and tests. */
const char *tp_status_name(tp_status s);

#endif
