/* Each role's tasks on its home screen: which screens, in what order.
 * The titles and permissions come from the screen files; this is only the
 * grouping the programme's roles work by (DOMAIN.md). */
#include <string.h>

#include "tapian/role_menu.h"

static const char *const eua[] = {"support_commitment", "meeting",
    "role_charter", "register_format_version", "six_step", "lesson", "six_steps",
    "fish_overview", "dashboard", NULL};
static const char *const amnuay[] = {"circle_run", "field_visit_plan", "field_visit",
    "meeting", "attendance", "fish_goal", "fish_knowledge", "fish_sharing",
    "finance_group", "role_assignment", "fish", "fish_overview",
    "six_steps", "self_assessment_table", "field_visit_month", "sync_conflicts", NULL};
static const char *const kit[] = {"finance_group", "fish_goal",
    "fish_knowledge", "fish_sharing", "knowledge_asset",
    "group_financial_snapshot", "fish", "self_assessment",
    "self_assessment_table", NULL};
static const char *const banthuek[] = {"circle_run", "meeting", "attendance", "observer",
    "lesson", "knowledge_asset", "note", NULL};
static const char *const prasan[] = {"person", "agency", "field_visit",
    "meeting", "note", NULL};
static const char *const admin[] = {"app_user", "place", "agency", "person",
    "role_assignment", "role_charter", "finance_group", "six_step",
    "register", "register_column", "fund_training", "competence",
    "dashboard", "sync_conflicts", NULL};
/* Someone without a role yet (or before any user exists): what everyone
 * may look at. */
static const char *const guest[] = {"meeting", "lesson", "knowledge_asset",
    "finance_group", "place", "agency", "person", NULL};

/* New screens go at the end of a list: the keys of the ones before them
 * stay what people (and the tmux tests) already know. */
static const struct {
    const char *role;
    const char *const *screens;
} menus[] = {
    {"khun_eua", eua},
    {"khun_amnuay", amnuay},
    {"khun_amnuay_chumchon", amnuay},
    {"khun_namkrabuankan", amnuay},
    {"khun_kit", kit},
    {"khun_banthuek", banthuek},
    {"khun_prasan", prasan},
    {"admin", admin},
};

const char *const *role_menu_screens(const char *role)
{
    for (size_t i = 0; role && i < sizeof menus / sizeof menus[0]; i++)
        if (strcmp(menus[i].role, role) == 0)
            return menus[i].screens;
    return guest;
}

bool role_menu_prints_book(const char *role)
{
    return role && (strcmp(role, "khun_eua") == 0 ||
                    strcmp(role, "khun_banthuek") == 0);
}
