/* Loading the field-visit month view and what its keys do: the visit form,
 * a new visit prefilled with the plan and the day, and linking a done
 * visit to its meeting record. Every write goes through src/db (audited,
 * refused there too for a role the screen files do not allow). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/db_visit.h"
#include "tapian/i18n.h"
#include "visit_month.h"

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

void vm_clear(struct visit_month *m)
{
    for (int i = 0; i < m->n; i++) {
        struct vm_visit *v = &m->visits[i];
        free(v->group);
        free(v->facilitator);
        free(v->status);
        free(v->agenda);
        free(v->meeting_title);
    }
    m->n = 0;
}

void vm_meetings_clear(struct visit_month *m)
{
    for (int i = 0; i < m->n_meetings; i++)
        free(m->meetings[i].label);
    m->n_meetings = 0;
    m->choosing = false;
}

static void on_plan(void *ctx, const db_visit_plan *p)
{
    struct visit_month *m = ctx;
    snprintf(m->plan_title, sizeof m->plan_title, "%s", p->title ? p->title : "");
    snprintf(m->tambon, sizeof m->tambon, "%s", p->tambon ? p->tambon : "");
}

static bool on_visit(void *ctx, const db_visit *dv)
{
    struct visit_month *m = ctx;
    text_date d;
    if (!dv->visit_on || text_date_parse(dv->visit_on, strlen(dv->visit_on), &d) != TP_OK)
        return true;
    if (m->n == m->cap) {
        int cap = m->cap ? m->cap * 2 : 32;
        struct vm_visit *grown = realloc(m->visits, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        m->visits = grown;
        m->cap = cap;
    }
    struct vm_visit *v = &m->visits[m->n++];
    memset(v, 0, sizeof *v);
    snprintf(v->id, sizeof v->id, "%s", dv->id);
    v->version = dv->version;
    v->day = d;
    v->group = dup_or_null(dv->group_name);
    v->facilitator = dup_or_null(dv->facilitator);
    v->status = dup_or_null(dv->status);
    v->agenda = dup_or_null(dv->agenda);
    v->meeting_title = dup_or_null(dv->meeting_title);
    snprintf(v->meeting_id, sizeof v->meeting_id, "%s",
             dv->meeting_id ? dv->meeting_id : "");
    v->clash = dv->clash;
    v->overdue = dv->overdue;
    return true;
}

bool vm_load(struct app *a, struct visit_month *m)
{
    vm_clear(m);
    tp_status st = db_visit_plan_get(a->db, m->plan_id, on_plan, m);
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s", tp_status_message(st));
        return false;
    }
    text_date first = {m->sel.year, m->sel.month, 1};
    text_date last = {m->sel.year, m->sel.month,
                      text_date_days_in_month(m->sel.year, m->sel.month)};
    char from[16], to[16], today[16];
    text_date_iso(first, from, sizeof from);
    text_date_iso(last, to, sizeof to);
    text_date_iso(m->today, today, sizeof today);
    st = db_visits_between(a->db, m->plan_id, from, to, today, on_visit, m);
    if (st == TP_OK)
        st = db_visit_flag_counts(a->db, m->plan_id, today, &m->clashes,
                                  &m->overdue, &m->undated);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s", db_last_error(a->db));
    m->loaded_year = m->sel.year;
    m->loaded_month = m->sel.month;
    return true;
}

int vm_day_visits(const struct visit_month *m, text_date d, int *first)
{
    int n = 0;
    *first = -1;
    for (int i = 0; i < m->n; i++)
        if (text_date_compare(m->visits[i].day, d) == 0) {
            if (*first < 0)
                *first = i;
            n++;
        }
    return n;
}

struct vm_visit *vm_current(struct visit_month *m)
{
    int first, n = vm_day_visits(m, m->sel, &first);
    if (n == 0)
        return NULL;
    if (m->pick >= n)
        m->pick = n - 1;
    return &m->visits[first + m->pick];
}

const char *vm_status_label(const struct visit_month *m, const char *status)
{
    const screen *s = m->visit_screen;
    for (size_t i = 0; s && status && i < s->n_fields; i++)
        if (strcmp(s->fields[i].name, "status") == 0)
            for (size_t c = 0; c < s->fields[i].n_choices; c++)
                if (strcmp(s->fields[i].choices[c].value, status) == 0)
                    return screen_choice_label(&s->fields[i].choices[c]);
    return status ? status : "";
}

static bool may_edit(struct app *a, const struct visit_month *m)
{
    if (m->may_edit)
        return true;
    app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
    return false;
}

void vm_open_visit(struct app *a, struct visit_month *m)
{
    struct vm_visit *v = vm_current(m);
    if (!v) {
        vm_add_visit(a, m);
        return;
    }
    if (m->visit_screen)
        app_push(a, form_view_new(a, m->visit_screen, v->id));
}

void vm_add_visit(struct app *a, struct visit_month *m)
{
    if (!m->visit_screen || !may_edit(a, m))
        return;
    char day[16];
    text_date_iso(m->sel, day, sizeof day);
    const char *names[] = {"plan_id", "visit_on"};
    const char *values[] = {m->plan_id, day};
    app_push(a, form_view_new_filled(a, m->visit_screen, names, values, 2));
    m->loaded_month = 0; /* read again when the form closes */
}

static bool on_meeting(void *ctx, const db_visit_meeting *dm)
{
    struct visit_month *m = ctx;
    if (m->n_meetings >= VM_MAX_MEETINGS)
        return false;
    struct vm_meeting *mt = &m->meetings[m->n_meetings];
    text_date d;
    char day[64] = "";
    if (dm->held_on && text_date_parse(dm->held_on, strlen(dm->held_on), &d) == TP_OK)
        text_date_format(d, false, day, sizeof day);
    char label[600];
    snprintf(label, sizeof label, "%s  %s", day, dm->title ? dm->title : "");
    snprintf(mt->id, sizeof mt->id, "%s", dm->id);
    if ((mt->label = strdup(label)))
        m->n_meetings++;
    return true;
}

void vm_meeting_key(struct app *a, struct visit_month *m)
{
    struct vm_visit *v = vm_current(m);
    if (!v) {
        app_message(a, TA_NOTICE, "%s", _("No visit on this day"));
        return;
    }
    if (v->meeting_id[0]) {
        const screen *ms = screen_find(&a->screens, "meeting");
        if (ms)
            app_push(a, form_view_new(a, ms, v->meeting_id));
        return;
    }
    if (!may_edit(a, m))
        return;
    if (strcmp(v->status ? v->status : "", "cancelled") == 0) {
        app_message(a, TA_ERROR, "%s", _("A cancelled visit has no meeting "
                                         "record"));
        return;
    }
    vm_meetings_clear(m);
    /* row 0 is "a new meeting from this visit"; the tambon's meetings
     * follow, the nearest to the visit's day first */
    m->meetings[0].id[0] = 0;
    m->meetings[0].label = strdup(_("+ A new meeting record from this visit"));
    m->n_meetings = m->meetings[0].label ? 1 : 0;
    tp_status st = db_visit_meetings(a->db, v->id, VM_MAX_MEETINGS - 1,
                                     on_meeting, m);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s", db_last_error(a->db));
    m->meeting_sel = 0;
    m->choosing = m->n_meetings > 0;
}

void vm_meeting_chosen(struct app *a, struct visit_month *m)
{
    struct vm_visit *v = vm_current(m);
    int i = m->meeting_sel;
    if (!v || i < 0 || i >= m->n_meetings) {
        vm_meetings_clear(m);
        return;
    }
    char mid[DB_UUID_LEN];
    tp_status st;
    bool made = !m->meetings[i].id[0];
    if (made) {
        char title[300];
        snprintf(title, sizeof title, _("Field visit: %s"),
                 v->group ? v->group : m->tambon);
        st = db_visit_done_new_meeting(a->db, v->id, v->version, title, mid);
    } else {
        snprintf(mid, sizeof mid, "%s", m->meetings[i].id);
        st = db_visit_done(a->db, v->id, v->version, mid);
    }
    vm_meetings_clear(m);
    m->loaded_month = 0;
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s", st == TP_ERR_INVALID
                    ? _("Give the visit a date first") : tp_status_message(st));
        return;
    }
    app_undo_forget(a);
    app_message(a, TA_NOTICE, "%s", _("The visit is done and linked to its "
                                      "meeting record"));
    /* a new record is opened to be completed: outcomes, who came */
    const screen *ms = screen_find(&a->screens, "meeting");
    if (made && ms)
        app_push(a, form_view_new(a, ms, mid));
}
