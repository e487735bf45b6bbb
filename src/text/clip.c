/* Fitting text into columns, always a whole cluster at a time (a cluster
 * may be 0, 1 or 2 columns wide: น้ำ is one cluster of 2). */
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

size_t text_clip(const char *s, size_t n, int cols, int *used)
{
    size_t pos = 0;
    int x = 0;
    while (pos < n) {
        size_t e = text_next_cluster(s, n, pos);
        int w = text_width(s + pos, e - pos);
        if (x + w > cols)
            break;
        x += w;
        pos = e;
    }
    if (used)
        *used = x;
    return pos;
}

char *text_clip_copy(const char *s, size_t n, int cols, bool ellipsis)
{
    static const char dots[] = "\xE2\x80\xA6"; /* … is one column */
    size_t len = text_clip(s, n, cols, NULL);
    bool cut = len < n;
    if (cut && ellipsis && cols >= 1)
        len = text_clip(s, n, cols - 1, NULL);
    else
        ellipsis = false;
    size_t extra = ellipsis ? sizeof dots - 1 : 0;
    char *out = malloc(len + extra + 1);
    if (!out)
        return NULL;
    memcpy(out, s, len);
    memcpy(out + len, dots, extra);
    out[len + extra] = '\0';
    return out;
}

size_t text_offset_at_column(const char *s, size_t n, int col)
{
    if (col < 0)
        return 0;
    int x = 0;
    for (size_t pos = 0; pos < n;) {
        size_t e = text_next_cluster(s, n, pos);
        x += text_width(s + pos, e - pos);
        if (col < x)
            return pos;
        pos = e;
    }
    return n;
}
