/* The six-step board: villages (or tambons, amphoes, the province) by the
 * six steps, each cell a glyph and a colour (·, ◐ in progress, ● reached;
 * the glyph alone must read on a monochrome terminal), then the progress of
 * each scale-out wave. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "six_step_board.h"
#include "tapian/glyphs.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

/* Villages each wave was planned to bring in (DOMAIN.md); 0 = no plan. */
static const struct {
    const char *code;
    const char *label;
    int planned;
} wave_info[SIX_WAVES] = {
    {"pilot", N_("Pilot"), 0},
    {"2549", N_("Wave 2549"), 400},
    {"2550", N_("Wave 2550"), 600},
    {"2551", N_("Wave 2551"), 600},
};

static const char *const level_names[SIX_LEVELS] = {
    N_("Villages"), N_("Tambons"), N_("Amphoes"), N_("Province"),
};

static const char *const step_names[DB_SIX_STEPS] = {
    N_("Civic community forms"),
    N_("Learning exchange / knowledge management"),
    N_("Community effectiveness"),
    N_("A community master plan exists"),
    N_("The plan is carried out"),
    N_("Periodic evaluation"),
};

static struct six_row *add_row(struct six_board *b)
{
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 64;
        struct six_row *r = realloc(b->rows, (size_t)cap * sizeof *r);
        if (!r)
            return NULL;
        b->rows = r;
        b->cap = cap;
    }
    struct six_row *r = &b->rows[b->n++];
    memset(r, 0, sizeof *r);
    return r;
}

static bool on_village(void *ctx, const db_six_village *v)
{
    struct six_board *b = ctx;
    struct six_row *r = add_row(b);
    if (!r)
        return false;
    snprintf(r->id, sizeof r->id, "%s", v->id);
    if (v->moo)
        snprintf(r->name, sizeof r->name, _("Moo %d %s"), v->moo,
                 v->name ? v->name : "");
    else
        snprintf(r->name, sizeof r->name, "%s", v->name ? v->name : "");
    r->villages = 1;
    for (int i = 0; i < DB_SIX_STEPS; i++) {
        r->status[i] = v->status[i];
        snprintf(r->reached_on[i], sizeof r->reached_on[i], "%s",
                 v->reached_on[i] ? v->reached_on[i] : "");
        r->in_progress[i] = v->status[i] == DB_STEP_IN_PROGRESS;
        r->reached[i] = v->status[i] == DB_STEP_REACHED;
    }
    return true;
}

static bool on_area(void *ctx, const db_six_area *a)
{
    struct six_board *b = ctx;
    struct six_row *r = add_row(b);
    if (!r)
        return false;
    snprintf(r->id, sizeof r->id, "%s", a->id);
    snprintf(r->name, sizeof r->name, "%s", a->name ? a->name : "");
    snprintf(r->parent, sizeof r->parent, "%s", a->parent ? a->parent : "");
    r->villages = a->villages;
    memcpy(r->in_progress, a->in_progress, sizeof r->in_progress);
    memcpy(r->reached, a->reached, sizeof r->reached);
    return true;
}

static bool first_tambon(void *ctx, const db_six_area *a)
{
    struct six_board *b = ctx;
    snprintf(b->tambon_id, sizeof b->tambon_id, "%s", a->id);
    snprintf(b->tambon, sizeof b->tambon, "%s", a->name ? a->name : "");
    return false;
}

static bool on_wave(void *ctx, const db_six_wave *w)
{
    struct six_board *b = ctx;
    for (int i = 0; i < SIX_WAVES; i++)
        if (strcmp(w->wave, wave_info[i].code) == 0) {
            b->waves[i] = *w;
            b->waves[i].wave = wave_info[i].code;
        }
    return true;
}

tp_status six_board_load(tp_db *db, struct six_board *b)
{
    b->n = 0;
    tp_status s = TP_OK;
    if (b->level == SIX_VILLAGE) {
        if (!b->tambon_id[0])
            s = db_six_step_areas(db, DB_LEVEL_TAMBON, first_tambon, b);
        if (s == TP_OK && b->tambon_id[0])
            s = db_six_step_villages(db, b->tambon_id, on_village, b);
    } else {
        db_level l = b->level == SIX_TAMBON ? DB_LEVEL_TAMBON
                     : b->level == SIX_AMPHOE ? DB_LEVEL_AMPHOE
                                              : DB_LEVEL_PROVINCE;
        s = db_six_step_areas(db, l, on_area, b);
    }
    if (s == TP_OK && !b->waves_fresh) {
        memset(b->waves, 0, sizeof b->waves);
        s = db_six_step_waves(db, on_wave, b);
        b->waves_fresh = s == TP_OK;
    }
    if (b->selected >= b->n)
        b->selected = b->n ? b->n - 1 : 0;
    return s;
}

void six_board_free(struct six_board *b)
{
    free(b->rows);
    b->rows = NULL;
    b->n = b->cap = 0;
}

static int percent(int part, int whole)
{
    return whole > 0 ? (int)((part * 100LL + whole / 2) / whole) : 0;
}

/* One cell of the grid: a village's status and date, or an area's counts. */
static void draw_cell(const struct six_row *r, int step, bool village, int y,
                      int x, int w, int sel_attr)
{
    const glyph_set *g = glyphs();
    char buf[64];
    int attr;
    if (village) {
        db_step_status st = r->status[step];
        const char *glyph = st == DB_STEP_REACHED ? g->reached
                            : st == DB_STEP_IN_PROGRESS ? g->in_progress
                                                        : g->not_started;
        attr = st == DB_STEP_REACHED ? term_attr_of(TA_NOTICE) | (int)A_BOLD
               : st == DB_STEP_IN_PROGRESS ? term_attr_of(TA_LABEL)
                                           : (int)A_NORMAL;
        char date[40] = "";
        text_date d;
        if (r->reached_on[step][0] &&
            text_date_parse(r->reached_on[step], strlen(r->reached_on[step]),
                            &d) == TP_OK) {
            if (w >= 14)
                text_date_format(d, false, date, sizeof date);
            else
                snprintf(date, sizeof date, "%d", d.year + 543);
        }
        snprintf(buf, sizeof buf, "%s %s", glyph, date);
    } else {
        int p = percent(r->reached[step], r->villages);
        attr = r->villages && r->reached[step] == r->villages
                   ? term_attr_of(TA_NOTICE) | (int)A_BOLD
                   : (int)A_NORMAL;
        if (w >= 14)
            snprintf(buf, sizeof buf, "%s%d %s%d %d%%", g->reached,
                     r->reached[step], g->in_progress, r->in_progress[step], p);
        else
            snprintf(buf, sizeof buf, "%s%d %s%d", g->reached,
                     r->reached[step], g->in_progress, r->in_progress[step]);
    }
    if (sel_attr) {
        ui_fill(stdscr, y, x, w - 1, sel_attr);
        attr = sel_attr;
    }
    ui_str(stdscr, y, x, buf, w - 1, attr);
}

static void draw_detail(const struct six_board *b, int y, int cols)
{
    if (!b->n)
        return;
    const struct six_row *r = &b->rows[b->selected];
    char buf[512];
    int step = b->step;
    if (b->level == SIX_VILLAGE) {
        db_step_status st = r->status[step];
        char date[40] = "";
        text_date d;
        if (r->reached_on[step][0] &&
            text_date_parse(r->reached_on[step], strlen(r->reached_on[step]),
                            &d) == TP_OK)
            text_date_format(d, false, date, sizeof date);
        snprintf(buf, sizeof buf, _("Step %d %s: %s %s"), step + 1,
                 _(step_names[step]),
                 st == DB_STEP_REACHED ? _("reached")
                 : st == DB_STEP_IN_PROGRESS ? _("in progress")
                                             : _("not started"),
                 date);
    } else {
        snprintf(buf, sizeof buf,
                 _("Step %d %s: %d of %d villages reached (%d%%), %d in progress"),
                 step + 1, _(step_names[step]), r->reached[step], r->villages,
                 percent(r->reached[step], r->villages), r->in_progress[step]);
    }
    ui_str(stdscr, y, 1, buf, cols - 2, A_NORMAL);
}

static void draw_waves(const struct six_board *b, int y, int cols)
{
    const glyph_set *g = glyphs();
    char buf[160];
    ui_str(stdscr, y, 1, _("Scale-out waves: villages, all six steps "
                           "reached, and each step reached"),
           cols - 2, term_attr_of(TA_LABEL));
    for (int i = 0; i < SIX_WAVES; i++) {
        const db_six_wave *w = &b->waves[i];
        int row = y + 1 + i;
        ui_str(stdscr, row, 2, _(wave_info[i].label), 12, A_NORMAL);
        if (wave_info[i].planned)
            snprintf(buf, sizeof buf, _("%d of %d"), w->villages,
                     wave_info[i].planned);
        else
            snprintf(buf, sizeof buf, "%d", w->villages);
        ui_str(stdscr, row, 15, buf, 11, A_NORMAL);
        snprintf(buf, sizeof buf, "%s%d %d%%", g->reached, w->all_six,
                 percent(w->all_six, w->villages));
        ui_str(stdscr, row, 26, buf, 10, A_BOLD);
        int x = 36, cw = (cols - 37) / DB_SIX_STEPS;
        for (int s = 0; s < DB_SIX_STEPS && cw >= 5; s++) {
            snprintf(buf, sizeof buf, "%d:%d%%", s + 1,
                     percent(w->reached[s], w->villages));
            ui_str(stdscr, row, x + s * cw, buf, cw - 1, A_NORMAL);
        }
    }
}

void six_board_draw(struct six_board *b, int top, int height, int cols)
{
    const glyph_set *g = glyphs();
    bool village = b->level == SIX_VILLAGE;
    /* level tabs, then the legend: glyph and word, never colour alone */
    int x = 1;
    for (int l = 0; l < SIX_LEVELS; l++) {
        int attr = l == (int)b->level ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        x += ui_str(stdscr, top, x, _(level_names[l]), 14, attr) + 2;
    }
    if (village && b->tambon[0])
        x += ui_str(stdscr, top, x, b->tambon, 20, A_BOLD) + 2;
    char legend[160];
    snprintf(legend, sizeof legend, "%s %s  %s %s  %s %s", g->not_started,
             _("not started"), g->in_progress, _("in progress"), g->reached,
             _("reached"));
    int lw = text_width(legend, strlen(legend));
    if (x + lw < cols)
        ui_str(stdscr, top, cols - lw - 1, legend, lw, A_NORMAL);

    int namew = cols >= 120 ? 26 : 18;
    int cellw = (cols - namew - 2) / DB_SIX_STEPS;
    int hy = top + 2;
    ui_str(stdscr, hy, 1, village ? _("Village") : _("Area"), namew - 1,
           term_attr_of(TA_LABEL));
    for (int s = 0; s < DB_SIX_STEPS; s++) {
        char h[16];
        snprintf(h, sizeof h, _("Step %d"), s + 1);
        ui_str(stdscr, hy, 1 + namew + s * cellw, h, cellw - 1,
               term_attr_of(TA_LABEL));
    }
    for (int c = 1; c < cols - 1; c++)
        ui_str(stdscr, hy + 1, c, g->h, 1, A_NORMAL);

    int waves_h = 1 + SIX_WAVES;
    int rows = height - 4 - 2 - waves_h; /* tabs, blank, header, rule; detail */
    if (rows < 1)
        rows = 1;
    if (b->selected < b->first)
        b->first = b->selected;
    if (b->selected >= b->first + rows)
        b->first = b->selected - rows + 1;
    if (!b->n)
        ui_str(stdscr, hy + 2, 2, village ? _("No villages in this tambon.")
                                          : _("No areas at this level."),
               cols - 4, A_NORMAL);
    for (int i = 0; i < rows && b->first + i < b->n; i++) {
        int idx = b->first + i, y = hy + 2 + i;
        const struct six_row *r = &b->rows[idx];
        bool sel = idx == b->selected;
        char name[200];
        if (!village && r->villages)
            snprintf(name, sizeof name, "%s (%d)", r->name, r->villages);
        else
            snprintf(name, sizeof name, "%s", r->name);
        ui_str(stdscr, y, 1, name, namew - 1, sel ? A_BOLD : A_NORMAL);
        for (int s = 0; s < DB_SIX_STEPS; s++)
            draw_cell(r, s, village, y, 1 + namew + s * cellw, cellw,
                      sel && s == b->step ? term_attr_of(TA_SELECTED) : 0);
    }
    int dy = top + height - waves_h - 2;
    draw_detail(b, dy, cols);
    draw_waves(b, dy + 1, cols);
}
