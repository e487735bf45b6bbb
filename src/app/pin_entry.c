/* The masked PIN entry (see pin_entry.h). */
#include <string.h>

#include "pin_entry.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

static bool is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0x0E50 && c <= 0x0E59);
}

pin_entry_result pin_entry_event(pin_entry *p, const term_event *ev)
{
    if (ev->type == EV_KEY && ev->key == TK_BACKSPACE) {
        if (p->digits > 0) {
            size_t at = text_prev_codepoint(p->buf, p->len, p->len);
            memset(p->buf + at, 0, p->len - at);
            p->len = at;
            p->digits--;
        }
        return PE_CHANGED;
    }
    if (ev->type == EV_PASTE)
        return PE_NOT_DIGIT; /* a PIN is typed, never pasted from elsewhere */
    if (ev->type != EV_CHAR)
        return PE_UNKNOWN;
    if (!is_digit(ev->ch))
        return PE_NOT_DIGIT;
    if (p->digits >= PIN_ENTRY_MAX)
        return PE_FULL;
    p->len += (size_t)text_encode(ev->ch, p->buf + p->len);
    p->buf[p->len] = 0;
    p->digits++;
    return PE_CHANGED;
}

void pin_entry_clear(pin_entry *p)
{
    explicit_bzero(p, sizeof *p);
}

void pin_entry_draw(const pin_entry *p, int y, int x, bool focused, int *cy,
                    int *cx)
{
    int attr = term_attr_of(focused ? TA_FIELD_FOCUS : TA_FIELD);
    ui_fill(stdscr, y, x, PIN_ENTRY_MAX + 1, attr);
    for (int i = 0; i < p->digits; i++)
        ui_str(stdscr, y, x + i, "•", 1, attr);
    if (focused) {
        *cy = y;
        *cx = x + p->digits;
    }
}

void pin_entry_report(struct app *a, pin_entry_result r)
{
    if (r == PE_NOT_DIGIT)
        app_message(a, TA_ERROR, "%s",
                    _("A PIN has digits only (` switches to English keys)"));
    else if (r == PE_FULL)
        app_message(a, TA_ERROR, "%s", _("A PIN has at most 12 digits"));
}
