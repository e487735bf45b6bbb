/* Screens that are C views rather than generic lists (the six-step board,
 * the fish model, dashboards, taking attendance): their screen file gives
 * titles, help and roles; this table gives the code that draws them. */
#include <string.h>

#include "tapian/app.h"
#include "tapian/i18n.h"
#include "tapian/views.h"
#include "circle_view.h"

static const struct {
    const char *screen;
    struct view *(*open)(struct app *a, const screen *s);
} views[] = {
    {"circle_run", circle_view_new},
    {"fish", fish_view_new},
    {"fish_overview", fish_overview_view_new},
    {"six_steps", six_step_view_new},
    {"search", search_view_new},
    {"dashboard", dashboard_view_new},
    {"self_assessment_table", assess_view_new},
    {"field_visit_month", visit_month_view_new},
    {"sync_conflicts", sync_conflict_view_new},
    {NULL, NULL}, /* each view adds one line above this one */
};

struct view *app_view_for_screen(struct app *a, const screen *s)
{
    if (s->kind == SCREEN_RECORDS)
        return list_view_new(a, s);
    for (size_t i = 0; views[i].screen; i++)
        if (strcmp(views[i].screen, s->name) == 0)
            return views[i].open(a, s);
    app_message(a, TA_ERROR, "%s: %s", s->name, tp_status_message(TP_ERR_NOTFOUND));
    return NULL;
}

static const app_record_view record_views[] = {
    {"field_visit_plan", 'm', "m", N_("Month of visits"), visit_month_open},
};

const app_record_view *app_record_view_for(const char *table)
{
    for (size_t i = 0; table && i < sizeof record_views / sizeof *record_views; i++)
        if (strcmp(record_views[i].table, table) == 0)
            return &record_views[i];
    return NULL;
}
