/* gettext set-up. The catalogue is looked for beside the program first
 * (build/locale when run from the build tree), then where `make install`
 * puts it. Thai is the default language; LANGUAGE=en chooses English. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tapian/i18n.h"

#ifndef TAPIAN_LOCALEDIR
#define TAPIAN_LOCALEDIR "/usr/local/share/locale"
#endif

static bool english;

static bool names_english(const char *v)
{
    return v && strncmp(v, "en", 2) == 0;
}

static bool dir_has_catalogue(const char *dir)
{
    char p[PATH_MAX + 64];
    snprintf(p, sizeof p, "%s/th/LC_MESSAGES/tapian.mo", dir);
    return access(p, R_OK) == 0;
}

static void bind_catalogue(const char *argv0)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            char dir[PATH_MAX + 32];
            *slash = 0;
            snprintf(dir, sizeof dir, "%s/build/locale", exe);
            if (dir_has_catalogue(dir)) {
                bindtextdomain("tapian", dir);
                return;
            }
        }
    }
    (void)argv0;
    bindtextdomain("tapian", TAPIAN_LOCALEDIR);
}

void i18n_init(const char *argv0)
{
    bind_catalogue(argv0);
    bind_textdomain_codeset("tapian", "UTF-8");
    textdomain("tapian");
    /* Only LANGUAGE chooses English: many Thai machines run with
     * LANG=en_US.UTF-8 and still want Thai screens. */
    i18n_set_english(names_english(getenv("LANGUAGE")));
}

void i18n_set_english(bool on)
{
    english = on;
    /* gettext reads LANGUAGE on every call; the messages locale must not be
     * plain "C" for it to be consulted, so C.UTF-8 is used when the user's
     * own locale has no messages of its own. */
    setenv("LANGUAGE", on ? "en" : "th", 1);
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
        setlocale(LC_MESSAGES, "C.UTF-8");
    /* make gettext notice the change */
    textdomain("tapian");
}

bool i18n_is_english(void)
{
    return english;
}
