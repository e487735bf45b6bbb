/* Fills the dashboard's panels from the db module's rollups: one row per
 * circle, tambon or agency, with its picture values and its numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "tapian/db_dashboard.h"
#include "tapian/db_rollup.h"
#include "tapian/i18n.h"
#include "tapian/chart.h"

static dash_row *add_row(dash_panel *p)
{
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 32;
        dash_row *r = realloc(p->rows, (size_t)cap * sizeof *r);
        if (!r)
            return NULL;
        p->rows = r;
        p->cap = cap;
    }
    dash_row *r = &p->rows[p->n++];
    memset(r, 0, sizeof *r);
    return r;
}

/* Index of month (YYYY-MM) among the panel's months, -1 outside. */
static int month_index(const dash_data *d, const char *month)
{
    for (int i = 0; i < DASH_MONTHS; i++)
        if (month && strcmp(d->months[i], month) == 0)
            return i;
    return -1;
}

/* The twelve months ending with the newest meeting's. */
static void pick_months(tp_db *db, dash_data *d)
{
    char last[8];
    memset(d->months, 0, sizeof d->months);
    if (db_dash_last_month(db, last) != TP_OK || !last[0])
        return;
    int y = atoi(last), m = atoi(last + 5);
    if (y < 1900 || y > 2199 || m < 1 || m > 12)
        return;
    for (int i = DASH_MONTHS - 1; i >= 0; i--) {
        char buf[32];
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        memcpy(d->months[i], buf, 7);
        d->months[i][7] = '\0';
        if (--m == 0)
            m = 12, y--;
    }
}

static const char *circle_label(const char *c)
{
    static const struct { const char *code, *label; } circles[] = {
        {"kit", N_("Practitioners' circle")},
        {"amnuay", N_("Facilitators' circle")},
        {"eua", N_("Sponsors' circle")},
        {"mixed", N_("Mixed circle")},
        {"tambon_network", N_("Tambon network")},
        {"field_stage", N_("Field stage")},
        {"knowledge_fair", N_("Knowledge fair")},
    };
    for (size_t i = 0; i < sizeof circles / sizeof circles[0]; i++)
        if (strcmp(circles[i].code, c) == 0)
            return _(circles[i].label);
    return c;
}

struct circle_ctx {
    dash_data *d;
    dash_row *row;
    char circle[32];
    long long listed[DASH_MONTHS], came[DASH_MONTHS];
    long long all_listed, all_came, meetings;
};

static void circle_close(struct circle_ctx *c)
{
    if (!c->row)
        return;
    for (int i = 0; i < DASH_MONTHS; i++)
        c->row->spark[i] = c->listed[i] ? 100.0 * (double)c->came[i] /
                                          (double)c->listed[i] : 0;
    c->row->nspark = DASH_MONTHS;
    c->row->value = (double)c->all_came;
    c->row->max = c->all_listed ? (double)c->all_listed : 0;
    char came[32], listed[32];
    chart_number(came, sizeof came, c->all_came);
    chart_number(listed, sizeof listed, c->all_listed);
    snprintf(c->row->numbers, sizeof c->row->numbers, "%3d%% %s/%s",
             c->all_listed ? (int)(100 * c->all_came / c->all_listed) : 0,
             came, listed);
    c->row = NULL;
}

static bool on_circle(void *ctx, const db_circle_month_row *r)
{
    struct circle_ctx *c = ctx;
    if (!c->row || strcmp(c->circle, r->circle) != 0) {
        circle_close(c);
        c->row = add_row(&c->d->panels[PANEL_ATTENDANCE]);
        if (!c->row)
            return false;
        snprintf(c->circle, sizeof c->circle, "%s", r->circle);
        snprintf(c->row->label, sizeof c->row->label, "%s", circle_label(r->circle));
        memset(c->listed, 0, sizeof c->listed);
        memset(c->came, 0, sizeof c->came);
        c->all_listed = c->all_came = 0;
    }
    int i = month_index(c->d, r->month);
    if (i >= 0) {
        c->listed[i] += r->listed;
        c->came[i] += r->came;
    }
    c->all_listed += r->listed;
    c->all_came += r->came;
    return true;
}

struct tambon_ctx {
    dash_data *d;
    dash_row *row;
    char id[40];
    long long total;
};

static void tambon_close(struct tambon_ctx *c)
{
    if (!c->row)
        return;
    char n[32];
    chart_number(n, sizeof n, c->total);
    snprintf(c->row->numbers, sizeof c->row->numbers, "%s", n);
    c->row->value = (double)c->total;
    c->row = NULL;
}

static bool on_tambon_month(void *ctx, const db_tambon_month_row *r)
{
    struct tambon_ctx *c = ctx;
    if (!c->row || strcmp(c->id, r->tambon_id) != 0) {
        tambon_close(c);
        c->row = add_row(&c->d->panels[PANEL_MEETINGS]);
        if (!c->row)
            return false;
        snprintf(c->id, sizeof c->id, "%s", r->tambon_id);
        snprintf(c->row->label, sizeof c->row->label, "%s", r->tambon);
        c->row->nspark = DASH_MONTHS;
        c->total = 0;
    }
    int i = month_index(c->d, r->month);
    if (i >= 0)
        c->row->spark[i] = (double)r->meetings;
    c->total += r->meetings;
    return true;
}

static bool on_six(void *ctx, const db_six_step_row *r)
{
    dash_row *row = add_row(ctx);
    if (!row)
        return false;
    snprintf(row->label, sizeof row->label, "%s", r->tambon);
    int reached = 0, len = 0;
    for (int i = 0; i < DB_SIX_STEPS; i++) {
        reached += r->reached[i];
        len += snprintf(row->numbers + len, sizeof row->numbers - (size_t)len,
                        "%s%d", i ? " " : "", r->reached[i]);
    }
    /* the bar: steps reached out of six for every village */
    row->value = reached;
    row->max = r->villages * DB_SIX_STEPS;
    snprintf(row->numbers + len, sizeof row->numbers - (size_t)len, " /%d",
             r->villages);
    return true;
}

static bool on_fish(void *ctx, const db_fish_row *r)
{
    dash_row *row = add_row(ctx);
    if (!row)
        return false;
    snprintf(row->label, sizeof row->label, "%s", r->tambon);
    row->value = r->complete;
    row->max = r->groups;
    snprintf(row->numbers, sizeof row->numbers, "%d/%d  %s %d %s %d",
             r->complete, r->groups, _("head"), r->with_goal, _("tail"),
             r->with_knowledge);
    return true;
}

static const char *kind_label(const char *k)
{
    if (strcmp(k, "budget") == 0) return _("budget");
    if (strcmp(k, "vehicle") == 0) return _("vehicles");
    if (strcmp(k, "staff_days") == 0) return _("staff days");
    return _("other");
}

static bool on_support(void *ctx, const db_support_row *r)
{
    dash_row *row = add_row(ctx);
    if (!row)
        return false;
    snprintf(row->label, sizeof row->label, "%s %s", r->agency, kind_label(r->kind));
    row->value = r->delivered;
    row->max = r->committed;
    char got[32], promised[32];
    chart_number(got, sizeof got, (long long)(r->delivered + 0.5));
    chart_number(promised, sizeof promised, (long long)(r->committed + 0.5));
    snprintf(row->numbers, sizeof row->numbers, "%3d%% %s/%s %s",
             r->committed > 0 ? (int)(100 * r->delivered / r->committed) : 0,
             got, promised, r->unit);
    return true;
}

void dash_load(tp_db *db, dash_data *d, dash_panel_id id)
{
    dash_panel *p = &d->panels[id];
    if (p->loaded)
        return;
    p->n = 0;
    if (!d->months[DASH_MONTHS - 1][0])
        pick_months(db, d);
    const char *from = d->months[0], *to = d->months[DASH_MONTHS - 1];
    switch (id) {
    case PANEL_ATTENDANCE: {
        struct circle_ctx c = {.d = d};
        p->status = *to ? db_dash_circle_months(db, from, to, on_circle, &c) : TP_OK;
        circle_close(&c);
        break;
    }
    case PANEL_MEETINGS: {
        struct tambon_ctx c = {.d = d};
        p->status = *to ? db_dash_tambon_months(db, from, to, on_tambon_month, &c) : TP_OK;
        tambon_close(&c);
        double most = 0; /* bars of the totals, against the busiest tambon */
        for (int i = 0; i < p->n; i++)
            if (p->rows[i].value > most)
                most = p->rows[i].value;
        for (int i = 0; i < p->n; i++)
            p->rows[i].max = most;
        break;
    }
    case PANEL_SIX_STEP:
        p->status = db_six_step_rollup_by_tambon(db, on_six, p);
        break;
    case PANEL_FISH:
        p->status = db_dash_fish(db, on_fish, p);
        break;
    case PANEL_SUPPORT:
        p->status = db_dash_support(db, on_support, p);
        break;
    case PANEL_COUNT:
        break;
    }
    p->loaded = true;
}

void dash_forget(dash_data *d)
{
    for (int i = 0; i < PANEL_COUNT; i++)
        d->panels[i].loaded = false;
    d->months[DASH_MONTHS - 1][0] = '\0';
}

void dash_free(dash_data *d)
{
    for (int i = 0; i < PANEL_COUNT; i++) {
        free(d->panels[i].rows);
        d->panels[i].rows = NULL;
        d->panels[i].n = d->panels[i].cap = 0;
    }
}
