/* chart — small pictures made of text: horizontal bars measured in eighths
 * of a cell, and sparklines. The functions only build UTF-8 (or ASCII)
 * strings, so they can be tested without a terminal; the views draw them
 * through ui_str, each beside its number. */
#ifndef TAPIAN_CHART_H
#define TAPIAN_CHART_H

#include <stdbool.h>
#include <stddef.h>

/* Whether pictures use Unicode block characters (▏…█, ▁…█) or plain ASCII
 * ('#', '=' and digits-like levels). Decided once by chart_detect. */
typedef enum { CHART_UNICODE, CHART_ASCII } chart_style;

/* Picks the style from TERM: vt100, vt220 and the bare Linux console have
 * no block characters (the console's font lacks most eighths), everything
 * else gets Unicode. The result is kept; later calls return it. */
chart_style chart_detect(void);
/* Overrides the detected style (tests). */
void chart_set_style(chart_style s);
chart_style chart_style_now(void);

/* Length of a bar for value out of max in a field cols cells wide, in
 * eighths of a cell (0..cols*8), rounded to the nearest eighth. A value
 * above zero never rounds down to nothing: it gets at least one eighth. */
int chart_bar_eighths(double value, double max, int cols);

/* Writes the bar of `eighths` into out (at most cols cells, NUL-ended):
 * full blocks then one partial block (▏▎▍▌▋▊▉) in Unicode; in ASCII '#'
 * per full cell and '=' for a remainder of half a cell or more. Returns the
 * cells used. out needs cols * 3 + 1 bytes. */
int chart_bar(char *out, size_t outsize, int eighths, int cols);

/* A sparkline of n values, one cell each: ▁▂▃▄▅▆▇█ scaled to the largest
 * value, a zero drawn as a space so that gaps show. ASCII uses the levels
 * ".:-=+*#%" in the same way. Returns the cells written; out needs
 * n * 3 + 1 bytes. */
int chart_spark(char *out, size_t outsize, const double *values, int n);

/* A number with thousands separators ("12,345"), for beside a picture. */
void chart_number(char *out, size_t outsize, long long n);

#endif
