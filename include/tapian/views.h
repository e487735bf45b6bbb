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
/* The field-visit month view (visit_month_view.c): from the home menu it
 * asks for the plan first; from the plan list it opens on plan_id. */
struct view *visit_month_view_new(struct app *a, const screen *s);
struct view *visit_month_open(struct app *a, const char *plan_id);
/* A view that opens on one record from that record's list (a key in the
 * list, shown on its key-help line). */
typedef struct {
    const char *table;
    char key;
    const char *key_name;  /* as shown, e.g. "m" */
    const char *what;      /* gettext msgid */
    struct view *(*open)(struct app *a, const char *id);
} app_record_view;
/* The one for a table, or NULL. */
const app_record_view *app_record_view_for(const char *table);

/* The search screen (search_view.c), for screens/search.ini. */
struct view *search_view_new(struct app *a, const screen *s);

/* The sync conflicts screen (sync_conflict_view.c). */
struct view *sync_conflict_view_new(struct app *a, const screen *s);

#endif
