/* Paths and names that come from the environment. */
#ifndef TAPIAN_PATHS_H
#define TAPIAN_PATHS_H
#include <stddef.h>

/* The default database path (malloc'd), creating its directory; NULL when
 * no home directory can be found or the directory cannot be made. */
char *paths_default_db(void);
/* The operating-system user name. */
void paths_user_name(char *out, size_t size);

#endif
