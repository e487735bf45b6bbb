/* The screens on each role's home menu. */
#ifndef TAPIAN_ROLE_MENU_H
#define TAPIAN_ROLE_MENU_H

#include <stdbool.h>

/* Screen names for role (a role code), NULL-terminated; a role without its
 * own menu, or NULL, gets the screens everyone may look at. */
const char *const *role_menu_screens(const char *role);
/* Whether role's home offers to print the textbook (the sponsors and the
 * recorders, whose wish and work it is). */
bool role_menu_prints_book(const char *role);

#endif
