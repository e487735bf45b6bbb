/* Buddhist-era dates. There is no Thai locale on the target machines, so the
 * month names are carried here. BE = CE + 543; leap years follow the
 * Gregorian rule on the CE year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

enum { BE_OFFSET = 543 };

static const char *const abbr[12] = {
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
};

static const char *const names[12] = {
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
};

const char *text_month_abbr(int month)
{
    return month >= 1 && month <= 12 ? abbr[month - 1] : NULL;
}

const char *text_month_name(int month)
{
    return month >= 1 && month <= 12 ? names[month - 1] : NULL;
}

bool text_date_valid(text_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
           d.day >= 1 && d.day <= text_date_days_in_month(d.year, d.month);
}

/* ---- parsing: a tiny cursor over ASCII-digit text ---------------------- */

typedef struct {
    const char *s;
    size_t n, pos;
} scan;

static void skip_spaces(scan *sc)
{
    while (sc->pos < sc->n && (sc->s[sc->pos] == ' ' || sc->s[sc->pos] == '\t'))
        sc->pos++;
}

/* min..max ASCII digits; -1 when there are not enough. */
static int number(scan *sc, int min, int max)
{
    int v = 0, k = 0;
    while (k < max && sc->pos < sc->n && sc->s[sc->pos] >= '0' &&
           sc->s[sc->pos] <= '9') {
        v = v * 10 + (sc->s[sc->pos++] - '0');
        k++;
    }
    return k >= min ? v : -1;
}

static bool literal(scan *sc, char c)
{
    if (sc->pos < sc->n && sc->s[sc->pos] == c) {
        sc->pos++;
        return true;
    }
    return false;
}

/* The month written out or abbreviated; the longest match wins. */
static int month_word(scan *sc)
{
    int best = 0;
    size_t best_len = 0;
    for (int m = 1; m <= 12; m++) {
        const char *cand[2] = {abbr[m - 1], names[m - 1]};
        for (int i = 0; i < 2; i++) {
            size_t len = strlen(cand[i]);
            if (len > best_len && len <= sc->n - sc->pos &&
                memcmp(sc->s + sc->pos, cand[i], len) == 0) {
                best = m;
                best_len = len;
            }
        }
    }
    sc->pos += best_len;
    return best;
}

static bool parse_ascii(const char *s, size_t n, text_date *d)
{
    scan sc = {s, n, 0};
    skip_spaces(&sc);
    size_t begin = sc.pos;
    /* ISO 8601, CE: 2005-10-11 */
    int y = number(&sc, 4, 4);
    if (y >= 0 && literal(&sc, '-')) {
        d->year = y;
        d->month = number(&sc, 1, 2);
        if (d->month < 0 || !literal(&sc, '-'))
            return false;
        d->day = number(&sc, 1, 2);
    } else {
        sc.pos = begin;
        d->day = number(&sc, 1, 2);
        if (d->day < 0)
            return false;
        if (literal(&sc, '/')) { /* 11/10/2548 */
            d->month = number(&sc, 1, 2);
            if (d->month < 0 || !literal(&sc, '/'))
                return false;
        } else { /* 11 ต.ค. 2548, 11 ตุลาคม 2548, 11 ต.ค.2548 */
            skip_spaces(&sc);
            d->month = month_word(&sc);
            if (d->month == 0)
                return false;
            skip_spaces(&sc);
        }
        int be = number(&sc, 4, 4);
        if (be < 0)
            return false;
        d->year = be - BE_OFFSET;
    }
    if (d->day < 0)
        return false;
    if (sc.pos < sc.n && sc.s[sc.pos] >= '0' && sc.s[sc.pos] <= '9')
        return false; /* too many digits */
    skip_spaces(&sc);
    return sc.pos == sc.n;
}

tp_status text_date_parse(const char *s, size_t n, text_date *out)
{
    if (!text_valid_utf8(s, n, NULL))
        return TP_ERR_INVALID;
    size_t len;
    char *ascii = text_convert_digits(s, n, false, &len);
    if (!ascii)
        return TP_ERR_NOMEM;
    text_date d = {0};
    bool ok = parse_ascii(ascii, len, &d) && text_date_valid(d);
    free(ascii);
    if (!ok)
        return TP_ERR_INVALID;
    *out = d;
    return TP_OK;
}

/* ---- formatting --------------------------------------------------------- */

/* Writes text (converted to Thai digits if asked) into buf like snprintf
 * would, except that a result that does not fit is not cut inside a
 * character: buf gets "" instead. Returns the full length. */
static int deliver(const char *text, bool thai_digits, char *buf, size_t size)
{
    size_t len = strlen(text);
    char *conv = NULL;
    if (thai_digits) {
        conv = text_convert_digits(text, len, true, &len);
        if (!conv)
            return -1;
        text = conv;
    }
    if (size > 0) {
        if (len < size)
            memcpy(buf, text, len + 1);
        else
            buf[0] = '\0';
    }
    free(conv);
    return (int)len;
}

static int format_with(text_date d, const char *const *months, bool thai,
                       char *buf, size_t size)
{
    if (!text_date_valid(d)) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%d %s %d", d.day, months[d.month - 1],
             d.year + BE_OFFSET);
    return deliver(tmp, thai, buf, size);
}

int text_date_format(text_date d, bool thai_digits, char *buf, size_t size)
{
    return format_with(d, abbr, thai_digits, buf, size);
}

int text_date_format_long(text_date d, bool thai_digits, char *buf,
                          size_t size)
{
    return format_with(d, names, thai_digits, buf, size);
}

int text_date_iso(text_date d, char *buf, size_t size)
{
    if (!text_date_valid(d)) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    char tmp[40]; /* room for any int, whatever the compiler can prove */
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.year, d.month, d.day);
    return deliver(tmp, false, buf, size);
}
