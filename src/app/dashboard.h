/* The dashboard's panels in memory: rows of a label, an optional sparkline
 * and bar, and the numbers shown beside them. dashboard_load.c fills them
 * from db_dashboard.h; dashboard_view.c draws them. */
#ifndef TAPIAN_APP_DASHBOARD_H
#define TAPIAN_APP_DASHBOARD_H

#include <stdbool.h>

#include "tapian/db.h"

#define DASH_MONTHS 12

typedef struct {
    char label[160];
    int nspark;                 /* 0 or DASH_MONTHS */
    double spark[DASH_MONTHS];
    double value, max;          /* bar: value of max; max 0 = no bar */
    char numbers[128];
} dash_row;

typedef enum {
    PANEL_ATTENDANCE, PANEL_MEETINGS, PANEL_SIX_STEP, PANEL_FISH,
    PANEL_SUPPORT, PANEL_COUNT
} dash_panel_id;

typedef struct {
    dash_row *rows;
    int n, cap;
    bool loaded;
    tp_status status;
    int first;                  /* first row shown (scrolling) */
} dash_panel;

typedef struct {
    dash_panel panels[PANEL_COUNT];
    char months[DASH_MONTHS][8]; /* YYYY-MM, oldest first; "" when none */
} dash_data;

/* Fills one panel (once; again after dash_forget). */
void dash_load(tp_db *db, dash_data *d, dash_panel_id p);
void dash_forget(dash_data *d);
void dash_free(dash_data *d);

#endif
