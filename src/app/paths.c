/* Where the default database lives: $TAPIAN_DB, else
 * $XDG_DATA_HOME/tapian/tapian.db, else ~/.local/share/tapian/tapian.db. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tapian/paths.h"

/* mkdir -p for the directories of path (not the last component). */
static int make_parents(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        int r = mkdir(path, 0700);
        *p = '/';
        if (r != 0 && errno != EEXIST)
            return -1;
    }
    return 0;
}

static const char *home_dir(void)
{
    const char *h = getenv("HOME");
    if (h && *h)
        return h;
    struct passwd *pw = getpwuid(getuid());
    return pw ? pw->pw_dir : NULL;
}

char *paths_default_db(void)
{
    const char *env = getenv("TAPIAN_DB");
    if (env && *env)
        return strdup(env);
    char buf[4096];
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        snprintf(buf, sizeof buf, "%s/tapian/tapian.db", xdg);
    else {
        const char *home = home_dir();
        if (!home)
            return NULL;
        snprintf(buf, sizeof buf, "%s/.local/share/tapian/tapian.db", home);
    }
    if (make_parents(buf) != 0)
        return NULL;
    return strdup(buf);
}

void paths_user_name(char *out, size_t size)
{
    const char *u = getenv("USER");
    struct passwd *pw = getpwuid(getuid());
    if (pw && pw->pw_name)
        u = pw->pw_name;
    snprintf(out, size, "%s", u && *u ? u : "?");
}
