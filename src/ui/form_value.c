/* Typed text ↔ stored values for form fields. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/form_value.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

/* ASCII copy of a number as people type it: Thai digits become ASCII, the
 * grouping commas, spaces, the baht sign and "บาท" are dropped. */
static char *number_ascii(const char *typed)
{
    size_t n;
    char *ascii = text_convert_digits(typed, strlen(typed), false, &n);
    if (!ascii)
        return NULL;
    char *out = malloc(n + 1);
    if (!out) {
        free(ascii);
        return NULL;
    }
    size_t k = 0;
    const char *baht_word = "บาท";
    for (size_t i = 0; i < n;) {
        if (strncmp(ascii + i, baht_word, strlen(baht_word)) == 0) {
            i += strlen(baht_word);
            continue;
        }
        if (strncmp(ascii + i, "฿", strlen("฿")) == 0) {
            i += strlen("฿");
            continue;
        }
        char c = ascii[i++];
        if (c == ',' || c == ' ')
            continue;
        out[k++] = c;
    }
    out[k] = 0;
    free(ascii);
    return out;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            return false;
    return true;
}

static fv_result check_range(const screen_field *f, double v)
{
    if (f->has_min && v < f->min)
        return FV_TOO_SMALL;
    if (f->has_max && v > f->max)
        return FV_TOO_LARGE;
    return FV_OK;
}

static fv_result parse_number(const screen_field *f, const char *typed,
                              char **stored)
{
    char *a = number_ascii(typed);
    if (!a)
        return FV_NOMEM;
    char *end;
    errno = 0;
    long long v = strtoll(a, &end, 10);
    bool ok = *a && *end == 0 && errno == 0;
    free(a);
    if (!ok)
        return FV_BAD_NUMBER;
    fv_result r = check_range(f, (double)v);
    if (r != FV_OK)
        return r;
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    *stored = strdup(buf);
    return *stored ? FV_OK : FV_NOMEM;
}

/* Money: at most two decimals, never negative unless the range allows. */
static fv_result parse_money(const screen_field *f, const char *typed,
                             char **stored)
{
    char *a = number_ascii(typed);
    if (!a)
        return FV_NOMEM;
    const char *dot = strchr(a, '.');
    bool ok = *a && (!dot || strlen(dot + 1) <= 2);
    char *end;
    errno = 0;
    double v = ok ? strtod(a, &end) : 0;
    ok = ok && *end == 0 && errno == 0 && isfinite(v);
    for (const char *p = a; ok && *p; p++)
        if (!(*p == '.' || *p == '-' || (*p >= '0' && *p <= '9')))
            ok = false;
    free(a);
    if (!ok)
        return FV_BAD_MONEY;
    fv_result r = check_range(f, v);
    if (r != FV_OK)
        return r;
    char buf[64];
    snprintf(buf, sizeof buf, "%.2f", v);
    *stored = strdup(buf);
    return *stored ? FV_OK : FV_NOMEM;
}

static text_date bound(const char *given, text_date fallback)
{
    text_date d;
    if (!given)
        return fallback;
    if (strcmp(given, "today") == 0)
        return text_date_today();
    return text_date_parse(given, strlen(given), &d) == TP_OK ? d : fallback;
}

void form_value_date_range(const screen_field *f, text_date *lo, text_date *hi)
{
    /* the schema's CHECKs keep dates between '1900' and '2200' */
    const text_date first = {1900, 1, 1}, last = {2199, 12, 31};
    *lo = bound(f->date_min, first);
    *hi = bound(f->date_max, last);
    if (text_date_compare(*lo, first) < 0)
        *lo = first;
    if (text_date_compare(*hi, last) > 0)
        *hi = last;
}

static fv_result parse_date(const screen_field *f, const char *typed,
                            char **stored)
{
    text_date d, lo, hi;
    if (text_date_parse(typed, strlen(typed), &d) != TP_OK)
        return FV_BAD_DATE;
    form_value_date_range(f, &lo, &hi);
    if (text_date_compare(d, lo) < 0)
        return FV_TOO_EARLY;
    if (text_date_compare(d, hi) > 0)
        return FV_TOO_LATE;
    char buf[16];
    text_date_iso(d, buf, sizeof buf);
    *stored = strdup(buf);
    return *stored ? FV_OK : FV_NOMEM;
}

static fv_result parse_choice(const screen_field *f, const char *typed,
                              char **stored)
{
    for (size_t i = 0; i < f->n_choices; i++) {
        const screen_choice *c = &f->choices[i];
        if (strcmp(typed, c->value) == 0 || strcmp(typed, c->label) == 0 ||
            (c->label_en && strcmp(typed, c->label_en) == 0)) {
            *stored = strdup(c->value);
            return *stored ? FV_OK : FV_NOMEM;
        }
    }
    return FV_BAD_CHOICE;
}

fv_result form_value_parse(const screen_field *f, const char *typed,
                           char **stored)
{
    *stored = NULL;
    if (!typed || blank(typed))
        return f->required ? FV_REQUIRED : FV_EMPTY;
    switch (f->type) {
    case SF_NUMBER: return parse_number(f, typed, stored);
    case SF_MONEY: return parse_money(f, typed, stored);
    case SF_DATE: return parse_date(f, typed, stored);
    case SF_CHOICE: return parse_choice(f, typed, stored);
    case SF_CHECK:
        *stored = strdup(strcmp(typed, "0") == 0 ? "0" : "1");
        return *stored ? FV_OK : FV_NOMEM;
    default:
        if (f->max_length &&
            text_codepoints(typed, strlen(typed)) > f->max_length)
            return FV_TOO_LONG;
        *stored = strdup(typed);
        return *stored ? FV_OK : FV_NOMEM;
    }
}

/* "1234567.5" → "1,234,567.50" */
static char *group_money(const char *stored, bool decimals)
{
    double v = strtod(stored, NULL);
    char digits[64];
    snprintf(digits, sizeof digits, decimals ? "%.2f" : "%.0f", fabs(v));
    const char *dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    char out[96];
    size_t k = 0;
    if (v < 0)
        out[k++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            out[k++] = ',';
        out[k++] = digits[i];
    }
    if (dot)
        k += (size_t)snprintf(out + k, sizeof out - k, "%s", dot);
    out[k] = 0;
    return strdup(out);
}

static char *date_display(const char *stored, bool long_form)
{
    text_date d;
    if (text_date_parse(stored, strlen(stored), &d) != TP_OK)
        return strdup(stored);
    char buf[64];
    if (long_form)
        text_date_format_long(d, false, buf, sizeof buf);
    else
        text_date_format(d, false, buf, sizeof buf);
    return strdup(buf);
}

char *form_value_display(const screen_field *f, const char *stored)
{
    if (!stored)
        return strdup("");
    switch (f->type) {
    case SF_MONEY: return group_money(stored, true);
    case SF_DATE: return date_display(stored, false);
    case SF_CHECK: return strdup(strcmp(stored, "1") == 0 ? "✓" : "");
    case SF_CHOICE:
        for (size_t i = 0; i < f->n_choices; i++)
            if (strcmp(stored, f->choices[i].value) == 0)
                return strdup(screen_choice_label(&f->choices[i]));
        return strdup(stored);
    default:
        return strdup(stored);
    }
}

char *form_value_editable(const screen_field *f, const char *stored)
{
    if (!stored)
        return strdup("");
    if (f->type == SF_DATE)
        return date_display(stored, false);
    return strdup(stored);
}

const char *form_value_message(fv_result r)
{
    switch (r) {
    case FV_REQUIRED: return _("This field is required");
    case FV_BAD_NUMBER: return _("Type a whole number");
    case FV_BAD_MONEY: return _("Type an amount in baht, e.g. 1,250.50");
    case FV_BAD_DATE:
        return _("Type a date such as 11 ต.ค. 2548 or 11/10/2548");
    case FV_TOO_SMALL: return _("The number is too small");
    case FV_TOO_LARGE: return _("The number is too large");
    case FV_TOO_LONG: return _("The text is too long");
    case FV_TOO_EARLY: return _("The date is earlier than this field allows");
    case FV_TOO_LATE: return _("The date is later than this field allows");
    case FV_BAD_CHOICE: return _("Choose one of the offered values");
    case FV_NOMEM: return tp_status_message(TP_ERR_NOMEM);
    default: return "";
    }
}
