/* Opening a screen: a records screen gets the generic list, a view screen
 * the C view registered for its name in src/app/views.c. */
#ifndef TAPIAN_VIEWS_H
#define TAPIAN_VIEWS_H

#include "tapian/app.h"

struct view *app_view_for_screen(struct app *a, const screen *s);

/* The C views of src/app/views.c. */
struct view *fish_view_new(struct app *a, const screen *s);
struct view *fish_overview_view_new(struct app *a, const screen *s);
struct view *six_step_view_new(struct app *a, const screen *s);
/* The search screen (search_view.c), for screens/search.ini. */
struct view *search_view_new(struct app *a, const screen *s);

/* The sync conflicts screen (sync_conflict_view.c). */
struct view *sync_conflict_view_new(struct app *a, const screen *s);

#endif
