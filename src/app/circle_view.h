/* The learning-circle screen's state, shared by its files: circle_view.c
 * (choosing the circle and the meeting, the rates), circle_run.c (running
 * a meeting: texts, drafts, the one save) and circle_attend.c (the
 * attendance pane). Private to src/app. */
#ifndef TAPIAN_CIRCLE_VIEW_H
#define TAPIAN_CIRCLE_VIEW_H

#include "tapian/app.h"
#include "tapian/db_circle.h"
#include "tapian/field.h"

/* Attendance as the Space key cycles it; ST_NONE = not marked yet. */
enum { ST_NONE = -1, ST_PRESENT, ST_ABSENT, ST_EXCUSED, ST_LATE, ST_REP,
       ST_COUNT };

struct circle_att {
    char person_id[37];
    char *name;
    char att_id[37];     /* "" until saved */
    long long version;
    int status;
    char *rep;           /* the representative's name */
};

struct circle_obs {
    char person_id[37];  /* "" for a free-text name */
    char *name;
    bool is_new;         /* added here, written at the next save */
};

enum { ATT_LIST, ATT_REP_NAME, ATT_ADD_PERSON, ATT_ADD_OBSERVER };

struct circle_attend {
    struct circle_att *rows;
    size_t n, cap;
    int sel, scroll;
    struct circle_obs *obs;
    size_t n_obs, cap_obs;
    int mode;
    field *input;        /* the representative's name, or a search */
    struct circle_att *people; /* everyone, for adding */
    size_t n_people, cap_people;
    int pick;            /* highlighted line of the search result */
    bool changed;        /* marks or observers not saved */
    bool read_only;
};

tp_status circle_attend_load(struct app *a, struct circle_attend *t,
                             const char *meeting_id);
void circle_attend_free(struct circle_attend *t);
void circle_attend_draw(struct circle_attend *t, int y, int x, int width,
                        int height, bool focused, int *cy, int *cx);
int circle_attend_handle(struct app *a, struct circle_attend *t,
                         const term_event *ev);
/* True while the pane takes printable keys (a name or a search). */
bool circle_attend_typing(const struct circle_attend *t);
/* The marks and new observers to save; arrays malloc'd by the caller with
 * t->n and t->n_obs elements. Returns the number of marks. */
size_t circle_attend_marks(const struct circle_attend *t, db_circle_mark *m);
size_t circle_attend_new_observers(const struct circle_attend *t,
                                   db_circle_new_observer *o);
/* "Present" ... in the current language. */
const char *circle_status_label(int status);
const char *circle_status_code(int status);

/* ---- running a meeting (circle_run.c) ---- */
enum { RUN_ATTEND, RUN_HOMEWORK, RUN_OUTCOMES, RUN_NEXT, RUN_NOTES,
       RUN_FOCUS_COUNT };

struct circle_run {
    db_circle_meeting m;
    db_circle_meeting prev; /* id NULL when the circle has no earlier one */
    struct circle_attend att;
    field *text[RUN_FOCUS_COUNT]; /* [RUN_ATTEND] unused */
    int focus;
    int text_width;
    bool draft_pending;
    bool read_only;
    char draft_key[64];
};

tp_status circle_run_open(struct app *a, struct circle_run *r,
                          const char *meeting_id, bool read_only);
void circle_run_close(struct circle_run *r);
void circle_run_draw(struct circle_run *r, int top, int height, int *cy,
                     int *cx);
/* H_CLOSE here means: back to the meetings. */
int circle_run_handle(struct app *a, struct circle_run *r,
                      const term_event *ev);
bool circle_run_unsaved(const struct circle_run *r);
void circle_run_save_draft(struct app *a, struct circle_run *r);
bool circle_run_typing(const struct circle_run *r);
/* Forgets the draft and what is typed (after a confirmed discard). */
void circle_run_discard(struct app *a, struct circle_run *r);

/* The circle_run screen (src/app/views.c). */
struct view *circle_view_new(struct app *a, const screen *s);

/* "11 ต.ค. 2548" from an ISO date (the ISO text when it does not parse). */
void circle_date(const char *iso, char *buf, size_t size);

#endif
