/* The screens on each role's home menu. */
#ifndef TAPIAN_ROLE_MENU_H
#define TAPIAN_ROLE_MENU_H

/* Screen names for role (a role code), NULL-terminated; a role without its
 * own menu, or NULL, gets the screens everyone may look at. */
const char *const *role_menu_screens(const char *role);

#endif
