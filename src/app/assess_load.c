/* Reads competences and the newest assessments into the view's matrix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "tapian/db_assess.h"
#include "tapian/i18n.h"

static bool on_comp(void *ctx, const db_competence_row *r)
{
    assess_data *d = ctx;
    if (d->n_comp >= ASSESS_MAX_COMP)
        return false;
    const char *name = i18n_is_english() && r->name_en ? r->name_en : r->name;
    snprintf(d->comp[d->n_comp], sizeof d->comp[0], "%s", name);
    snprintf(d->comp_id[d->n_comp], sizeof d->comp_id[0], "%s", r->id);
    d->n_comp++;
    return true;
}

struct load_ctx {
    assess_data *d;
    char last[40];
};

static bool on_row(void *ctx, const db_assessment_row *r)
{
    struct load_ctx *c = ctx;
    assess_data *d = c->d;
    if (strcmp(c->last, r->subject_id) != 0) {
        if (d->n_subj >= ASSESS_MAX_SUBJ)
            return false;
        assess_subject *s = &d->subj[d->n_subj++];
        memset(s, 0, sizeof *s);
        snprintf(s->name, sizeof s->name, "%s%s",
                 r->is_tambon ? _("Tambon ") : "", r->subject);
        s->is_tambon = r->is_tambon;
        snprintf(c->last, sizeof c->last, "%s", r->subject_id);
    }
    assess_subject *s = &d->subj[d->n_subj - 1];
    for (int i = 0; i < d->n_comp; i++)
        if (strcmp(d->comp_id[i], r->competence_id) == 0) {
            s->cur[i] = r->current_level;
            s->tgt[i] = r->target_level;
            s->why[i] = r->why ? strdup(r->why) : NULL;
        }
    return true;
}

tp_status assess_load(tp_db *db, assess_data *d)
{
    assess_free(d);
    d->subj = calloc(ASSESS_MAX_SUBJ, sizeof *d->subj);
    if (!d->subj)
        return d->status = TP_ERR_NOMEM;
    d->status = db_competences(db, on_comp, d);
    if (d->status != TP_OK)
        return d->status;
    struct load_ctx c = {.d = d};
    return d->status = db_assessments(db, on_row, &c);
}

void assess_free(assess_data *d)
{
    for (int i = 0; d->subj && i < d->n_subj; i++)
        for (int k = 0; k < ASSESS_MAX_COMP; k++)
            free(d->subj[i].why[k]);
    free(d->subj);
    d->subj = NULL;
    d->n_subj = d->n_comp = 0;
}
