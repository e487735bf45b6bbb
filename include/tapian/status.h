/* Status codes shared by every module, with a message for the user. */
#ifndef TAPIAN_STATUS_H
#define TAPIAN_STATUS_H

/* X(name, English message). The Thai text comes from the gettext catalogue. */
#define TP_STATUS_LIST(X)                                                      \
    X(TP_OK, "OK")                                                             \
    X(TP_ERR_NOMEM, "Out of memory")                                           \
    X(TP_ERR_INVALID_UTF8, "The text is not valid UTF-8")                      \
    X(TP_ERR_TOO_LONG, "The text is too long")                                 \
    X(TP_ERR_INVALID, "The value is not valid")                                \
    X(TP_ERR_IO, "The file could not be read or written")                      \
    X(TP_ERR_BUSY, "The database is busy; please try again")                   \
    X(TP_ERR_LOCKED, "The database is locked by another program")              \
    X(TP_ERR_READONLY, "The database is read-only")                            \
    X(TP_ERR_CORRUPT, "The database file is damaged")                          \
    X(TP_ERR_NEWER, "The database was made by a newer version of tapian")      \
    X(TP_ERR_NOTADB, "The file is not a tapian database")                      \
    X(TP_ERR_CONSTRAINT, "The record breaks a rule of the data")               \
    X(TP_ERR_NOTFOUND, "Not found")                                            \
    X(TP_ERR_CONFLICT, "Someone else changed this record meanwhile")           \
    X(TP_ERR_PERM, "Your role may not do this")                                \
    X(TP_ERR_FULL, "The disk is full")                                         \
    X(TP_ERR_CANTOPEN, "The database file cannot be opened")

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
