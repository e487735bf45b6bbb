/* gettext wrapper: Thai is the default UI language, English by toggle or
 * by LANGUAGE=en. */
#ifndef TAPIAN_I18N_H
#define TAPIAN_I18N_H
#include <libintl.h>
#include <stdbool.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Binds the catalogue (the build tree first, then the install path) and
 * chooses the language from LANGUAGE / LC_ALL / LC_MESSAGES / LANG, Thai when
 * none names English. */
void i18n_init(const char *argv0);
/* Switches between Thai and English at run time. */
void i18n_set_english(bool english);
bool i18n_is_english(void);

#endif
