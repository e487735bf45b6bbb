/* The blank register's printed labels, through gettext
 * (register_internal.h). */
#include <string.h>

#include "book_internal.h"
#include "register_internal.h"
#include "tapian/i18n.h"

char *register_version_line(const struct reg_form *r)
{
    return book_printf(_("Provincial register format: %s"),
                       r->label ? r->label : "");
}

char *register_approval_line(const struct reg_form *r)
{
    if (r->draft)
        return book_printf("%s", _("Not approved yet"));
    return book_printf(_("Approved by %s on %s"),
                       r->approved_by ? r->approved_by : "?", r->approved_at);
}

char *register_agency_line(const struct reg_sheet *s)
{
    if (!s->agency)
        return NULL;
    if (s->agency_name && s->agency_name[0] &&
        strcmp(s->agency_name, s->agency) != 0)
        return book_printf(_("From the form of %s (%s)"), s->agency,
                           s->agency_name);
    return book_printf(_("From the form of %s"), s->agency);
}

const char *register_draft_mark(void)
{
    return _("DRAFT: not approved, not for use");
}

const char *register_group_label(void)
{
    return _("Group or fund");
}

const char *register_period_label(void)
{
    return _("Period from");
}

const char *register_period_to_label(void)
{
    return _("until");
}

const char *register_no_columns(void)
{
    return _("The columns of this register are not agreed yet.");
}

const char *register_kind_hint(reg_kind k)
{
    switch (k) {
    case REG_MONEY: return _("(baht)");
    case REG_DATE: return _("(day month year BE)");
    case REG_NUMBER: case REG_TEXT: break;
    }
    return NULL;
}
