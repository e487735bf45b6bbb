/* The table of record actions (record_action.h). */
#include <string.h>

#include "record_action.h"
#include "tapian/i18n.h"

static struct view *print_register(struct app *a, const screen *s,
                                   const char *id)
{
    (void)s;
    return register_view_new(a, id);
}

static const record_action actions[] = {
    {"register_format_version", 'p', "p", N_("Print blank register"),
     print_register, false},
    {"meeting", 'c', "c", N_("Cited by"), cited_view_new, true},
    {"finance_group", 'c', "c", N_("Cited by"), cited_view_new, true},
    {"person", 'c', "c", N_("Cited by"), cited_view_new, true},
    {"lesson", 'c', "c", N_("Cited by"), cited_view_new, true},
};

const record_action *record_action_for(const screen *s)
{
    for (size_t i = 0; s && s->source && i < sizeof actions / sizeof actions[0];
         i++)
        if (strcmp(actions[i].table, s->source) == 0)
            return &actions[i];
    return NULL;
}
