/* Writing CSV rows the way Excel does: CRLF, quotes only where needed
 * (libcsv doubles the quotes inside), and the BOM first. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "tapian/text.h"

int csv_put_bom(FILE *f)
{
    return fwrite("\xEF\xBB\xBF", 1, 3, f) == 3 ? 0 : -1;
}

/* Separators, quotes and line breaks need quotes; so do spaces at either
 * end, which a reader may trim. */
static bool needs_quotes(const char *s, size_t n)
{
    if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        return true;
    return strcspn(s, ",\"\r\n") < n;
}

static int put_field(FILE *f, const char *s)
{
    size_t len = strlen(s);
    if (needs_quotes(s, len))
        return csv_fwrite(f, s, len) != 0 ? -1 : 0;
    return len && fwrite(s, 1, len, f) != len ? -1 : 0;
}

/* A field as it may leave tapian: controls other than tab and newline
 * (an escape sequence planted with the stock shell, say) are dropped, the
 * way values are cleaned before they are saved, so a CSV printed to a
 * terminal cannot drive it; invalid UTF-8 is repaired first. */
static char *clean_field(const char *s)
{
    size_t rn, n;
    char *repaired = text_repair_utf8(s, strlen(s), &rn);
    char *out = NULL;
    if (repaired && text_clean_for_save(repaired, rn, true, &out, &n) != TP_OK)
        out = NULL;
    free(repaired);
    return out;
}

int csv_put_row(FILE *f, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i && fputc(',', f) == EOF)
            return -1;
        char *clean = clean_field(fields[i] ? fields[i] : "");
        if (!clean)
            return -1;
        int r = put_field(f, clean);
        free(clean);
        if (r != 0)
            return -1;
    }
    return fputs("\r\n", f) == EOF ? -1 : 0;
}

const screen_field *csv_field_named(const screen *s, const char *name)
{
    for (size_t i = 0; i < s->n_fields; i++) {
        const screen_field *f = &s->fields[i];
        if (f->type == SF_MULTIREF)
            continue;
        if (strcmp(f->name, name) == 0 || (f->label && strcmp(f->label, name) == 0) ||
            (f->label_en && strcmp(f->label_en, name) == 0))
            return f;
    }
    return NULL;
}
