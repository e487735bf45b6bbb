/* Files compiled into the binary (SQL migrations, pilot data). */
#ifndef TAPIAN_EMBEDDED_H
#define TAPIAN_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
    const char *name;  /* base name, e.g. "001_schema.sql" */
    const char *data;  /* NUL-terminated */
    size_t size;       /* bytes, without the NUL */
};

/* Sorted by name; ends with an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

#endif
