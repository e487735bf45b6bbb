/* Text pictures for the dashboards: bars in eighths of a cell and
 * sparklines, Unicode or ASCII. No curses here: the views draw the
 * strings through ui_str. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/chart.h"

static chart_style style;
static bool decided;

chart_style chart_detect(void)
{
    if (decided)
        return style;
    /* vt100/vt220 and the Linux console cannot show the eighth blocks
     * (their character sets or console fonts lack them); a kiosk's
     * graphical terminal can. Decided once so a picture never mixes. */
    const char *term = getenv("TERM");
    style = CHART_UNICODE;
    if (term && (strncmp(term, "vt1", 3) == 0 || strncmp(term, "vt2", 3) == 0 ||
                 strcmp(term, "linux") == 0 || strcmp(term, "dumb") == 0))
        style = CHART_ASCII;
    decided = true;
    return style;
}

void chart_set_style(chart_style s)
{
    style = s;
    decided = true;
}

chart_style chart_style_now(void)
{
    return chart_detect();
}

int chart_bar_eighths(double value, double max, int cols)
{
    if (cols <= 0 || max <= 0 || !(value > 0))
        return 0;
    if (value >= max)
        return cols * 8;
    int e = (int)(value / max * cols * 8 + 0.5);
    return e < 1 ? 1 : e;
}

/* Appends s if it fits, keeping room for the NUL. */
static bool put(char *out, size_t outsize, size_t *len, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > outsize)
        return false;
    memcpy(out + *len, s, n + 1);
    *len += n;
    return true;
}

int chart_bar(char *out, size_t outsize, int eighths, int cols)
{
    static const char *const part[8] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    size_t len = 0;
    int cells = 0;
    if (outsize)
        out[0] = '\0';
    if (eighths > cols * 8)
        eighths = cols * 8;
    bool ascii = chart_style_now() == CHART_ASCII;
    for (; cells < eighths / 8; cells++)
        if (!put(out, outsize, &len, ascii ? "#" : "█"))
            return cells;
    int rest = eighths % 8;
    if (rest && cells < cols) {
        const char *p = ascii ? (rest >= 4 ? "=" : "") : part[rest];
        if (*p && put(out, outsize, &len, p))
            cells++;
    }
    return cells;
}

int chart_spark(char *out, size_t outsize, const double *values, int n)
{
    static const char *const uni[8] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    static const char *const asc[8] = {".", ":", "-", "=", "+", "*", "#", "%"};
    const char *const *lv = chart_style_now() == CHART_ASCII ? asc : uni;
    double max = 0;
    for (int i = 0; i < n; i++)
        if (values[i] > max)
            max = values[i];
    size_t len = 0;
    if (outsize)
        out[0] = '\0';
    int i;
    for (i = 0; i < n; i++) {
        const char *c = " ";
        if (values[i] > 0 && max > 0) {
            int k = (int)(values[i] / max * 7 + 0.5);
            c = lv[k < 0 ? 0 : k > 7 ? 7 : k];
        }
        if (!put(out, outsize, &len, c))
            break;
    }
    return i;
}

void chart_number(char *out, size_t outsize, long long n)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
    size_t d = strlen(digits), o = 0;
    char buf[48];
    if (n < 0)
        buf[o++] = '-';
    for (size_t i = 0; i < d; i++) {
        if (i && (d - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    snprintf(out, outsize, "%s", buf);
}
