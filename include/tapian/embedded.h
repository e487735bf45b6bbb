/* Files compiled into the binary (SQL migrations, pilot data, screens). */
#ifndef TAPIAN_EMBEDDED_H
#define TAPIAN_EMBEDDED_H
#include <stddef.h>

struct embedded_file {
    const char *name;  /* base name, e.g. "001_schema.sql" */
    const char *data;  /* NUL-terminated */
    size_t size;       /* bytes, without the NUL */
};

/* SQL files (src/db/sql), sorted by name; ends with a NULL name. */
extern const struct embedded_file embedded_files[];
/* Screen files (screens/NAME.ini), sorted by name; ends with a NULL name. */
extern const struct embedded_file embedded_screens[];

#endif
