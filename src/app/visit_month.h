/* The field-visit month view (screen field_visit_month): the state shared
 * by its loading (visit_month_load.c) and its drawing and keys
 * (visit_month_view.c). Private to src/app. */
#ifndef TAPIAN_VISIT_MONTH_H
#define TAPIAN_VISIT_MONTH_H

#include "tapian/app.h"
#include "tapian/db.h"
#include "tapian/text.h"

struct vm_visit {
    char id[DB_UUID_LEN];
    long long version;
    text_date day;
    char *group, *facilitator, *status, *agenda, *meeting_title;
    char meeting_id[DB_UUID_LEN];
    bool clash, overdue;
};

struct vm_meeting {
    char id[DB_UUID_LEN];
    char *label;        /* "11 ต.ค. 2548  title" */
};

#define VM_MAX_MEETINGS 30

struct visit_month {
    struct view base;
    const screen *s;
    const screen *visit_screen;   /* field_visit: its form and status labels */
    char plan_id[DB_UUID_LEN];
    char plan_title[200], tambon[120];
    text_date sel, today;
    struct vm_visit *visits;      /* the month shown, by day */
    int n, cap;
    int loaded_year, loaded_month; /* 0 = load before drawing */
    int pick;                      /* which visit of the selected day */
    int clashes, overdue, undated; /* over the whole plan */
    bool may_edit;                 /* the role may plan (screen file) */
    /* choosing the meeting of a done visit: row 0 makes a new one */
    bool choosing;
    struct vm_meeting meetings[VM_MAX_MEETINGS];
    int n_meetings, meeting_sel;
};

/* Reads the plan's name, the month of sel and the plan's counts; false
 * (with a message) when the plan is gone. */
bool vm_load(struct app *a, struct visit_month *m);
void vm_clear(struct visit_month *m);
/* The visits of the selected day: their first index and count. */
int vm_day_visits(const struct visit_month *m, text_date d, int *first);
/* The visit the keys act on, or NULL. */
struct vm_visit *vm_current(struct visit_month *m);
/* The status's label from the field_visit screen file. */
const char *vm_status_label(const struct visit_month *m, const char *status);

/* Enter: the visit's form; a: a new visit on the selected day. */
void vm_open_visit(struct app *a, struct visit_month *m);
void vm_add_visit(struct app *a, struct visit_month *m);
/* m: opens the linked meeting, or starts choosing one. */
void vm_meeting_key(struct app *a, struct visit_month *m);
/* Enter while choosing: links the chosen meeting (or a new one). */
void vm_meeting_chosen(struct app *a, struct visit_month *m);
void vm_meetings_clear(struct visit_month *m);

#endif
