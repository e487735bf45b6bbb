/* Messages for the status codes, through gettext. */
#include "tapian/i18n.h"
#include "tapian/status.h"

static const char *const messages[] = {
#define TP_STATUS_MSG(name, msg) [name] = msg,
    TP_STATUS_LIST(TP_STATUS_MSG)
#undef TP_STATUS_MSG
};

static const char *const names[] = {
#define TP_STATUS_NAME(name, msg) [name] = #name,
    TP_STATUS_LIST(TP_STATUS_NAME)
#undef TP_STATUS_NAME
};

const char *tp_status_message(tp_status s)
{
    if ((unsigned)s >= TP_STATUS_COUNT)
        return _("Unknown error");
    return _(messages[s]);
}

const char *tp_status_name(tp_status s)
{
    if ((unsigned)s >= TP_STATUS_COUNT)
        return "TP_UNKNOWN";
    return names[s];
}
