/* HTML escaping and the write-beside-then-rename of every export
 * (export_internal.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export_internal.h"

void html_esc_n(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(s[i], out);
        }
    }
}

void html_esc(FILE *out, const char *s)
{
    if (s)
        html_esc_n(out, s, strlen(s));
}

void html_elem(FILE *out, const char *tag, const char *cls, const char *text)
{
    if (!text)
        return;
    fprintf(out, "<%s", tag);
    if (cls)
        fprintf(out, " class=\"%s\"", cls);
    fputc('>', out);
    html_esc(out, text);
    fprintf(out, "</%s>\n", tag);
}

tp_status export_to_path(const char *path,
                         tp_status (*write)(void *ctx, FILE *f), void *ctx)
{
    if (strcmp(path, "-") == 0)
        return write(ctx, stdout);
    size_t n = strlen(path) + sizeof ".part";
    char *tmp = malloc(n);
    if (!tmp)
        return TP_ERR_NOMEM;
    snprintf(tmp, n, "%s.part", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        free(tmp);
        return TP_ERR_IO;
    }
    tp_status s = write(ctx, f);
    if (fclose(f) != 0 && s == TP_OK)
        s = TP_ERR_IO;
    if (s == TP_OK && rename(tmp, path) != 0)
        s = TP_ERR_IO;
    if (s != TP_OK)
        unlink(tmp);
    free(tmp);
    return s;
}
