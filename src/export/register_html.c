/* The blank register as one self-contained, print-ready HTML file: A4
 * landscape, one register per page, a header to fill in by hand, the
 * columns in position order with widths by kind, N empty ruled rows. Plain
 * div/p/table elements so that any browser, and libxml2's HTML parser,
 * read it; no external resources; every text escaped. */
#include <stdlib.h>

#include "export_internal.h"
#include "register_internal.h"

static const char css[] =
    "@page { size: A4 landscape; margin: 1.2cm 1.5cm; }\n"
    "body { font-family: \"Sarabun\", \"TH Sarabun New\", \"Noto Sans Thai\", "
    "\"Tlwg Typist\", sans-serif; font-size: 14pt; line-height: 1.4; "
    "color: #000; background: #fff; margin: 0; }\n"
    "@media screen { body { max-width: 27cm; margin: 1em auto; } "
    ".register { border-bottom: 1px dashed #888; padding-bottom: 1em; } }\n"
    ".register { page-break-after: always; break-after: page; }\n"
    ".register:last-child { page-break-after: auto; break-after: auto; }\n"
    ".draft { border: 3px solid #000; padding: 0.1em 0.5em; font-weight: bold; "
    "display: inline-block; }\n"
    "h1 { font-size: 20pt; margin: 0.2em 0; }\n"
    ".version, .approval, .agency { margin: 0; font-size: 12pt; }\n"
    ".fill { margin: 0.4em 0; }\n"
    ".blank { display: inline-block; border-bottom: 1px dotted #000; "
    "min-width: 12em; }\n"
    ".blank.long { min-width: 22em; }\n"
    "table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
    "thead { display: table-header-group; }\n"
    "th, td { border: 1px solid #000; padding: 0.1em 0.3em; }\n"
    "th { font-size: 12pt; vertical-align: bottom; }\n"
    "td { height: 0.8cm; }\n"
    "tr { page-break-inside: avoid; break-inside: avoid; }\n"
    ".hint { font-weight: normal; font-size: 10pt; }\n"
    "col.number { width: 4.5em; }\n"
    "col.money { width: 7.5em; }\n"
    "col.date { width: 7em; }\n"
    ".no-columns { font-style: italic; }\n";

static const char *const kind_class[] = {
    [REG_TEXT] = "text", [REG_NUMBER] = "number",
    [REG_MONEY] = "money", [REG_DATE] = "date",
};

static void owned(FILE *out, const char *tag, const char *cls, char *text)
{
    html_elem(out, tag, cls, text);
    free(text);
}

/* "label: ______" or "label: the group's name". */
static void fill(FILE *out, const char *label, const char *value, bool longer)
{
    html_esc(out, label);
    fputs(": ", out);
    if (value) {
        fputs("<span class=\"filled\">", out);
        html_esc(out, value);
        fputs("</span>", out);
    } else {
        fprintf(out, "<span class=\"blank%s\">&#160;</span>",
                longer ? " long" : "");
    }
}

static void sheet(FILE *out, const struct reg_form *r,
                  const struct reg_sheet *s)
{
    fputs("<div class=\"register\" id=\"register-", out);
    html_esc(out, s->id);
    fputs("\">\n", out);
    if (r->draft)
        html_elem(out, "p", "draft", register_draft_mark());
    html_elem(out, "h1", NULL, s->name);
    owned(out, "p", "version", register_version_line(r));
    owned(out, "p", "approval", register_approval_line(r));
    owned(out, "p", "agency", register_agency_line(s));
    fputs("<p class=\"fill\">", out);
    fill(out, register_group_label(), r->group, true);
    fputs("&#160;&#160; ", out);
    fill(out, register_period_label(), NULL, false);
    fputs(" ", out);
    fill(out, register_period_to_label(), NULL, false);
    fputs("</p>\n", out);
    if (s->n_cols == 0) {
        html_elem(out, "p", "no-columns", register_no_columns());
        fputs("</div>\n", out);
        return;
    }
    fputs("<table>\n<colgroup>", out);
    for (size_t c = 0; c < s->n_cols; c++)
        fprintf(out, "<col class=\"%s\">", kind_class[s->cols[c].kind]);
    fputs("</colgroup>\n<thead>\n<tr>", out);
    for (size_t c = 0; c < s->n_cols; c++) {
        fprintf(out, "<th class=\"%s\">", kind_class[s->cols[c].kind]);
        html_esc(out, s->cols[c].name);
        const char *hint = register_kind_hint(s->cols[c].kind);
        if (hint) {
            fputs("<br><span class=\"hint\">", out);
            html_esc(out, hint);
            fputs("</span>", out);
        }
        fputs("</th>", out);
    }
    fputs("</tr>\n</thead>\n<tbody>\n", out);
    for (int i = 0; i < r->rows; i++) {
        fputs("<tr>", out);
        for (size_t c = 0; c < s->n_cols; c++)
            fputs("<td></td>", out);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</div>\n", out);
}

void register_write_html(const struct reg_form *r, FILE *out)
{
    fputs("<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n"
          "<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width\">\n",
          out);
    char *title = register_version_line(r);
    html_elem(out, "title", NULL, title);
    free(title);
    fprintf(out, "<style>\n%s</style>\n</head>\n<body>\n", css);
    for (size_t i = 0; i < r->n; i++)
        sheet(out, r, &r->sheets[i]);
    fputs("</body>\n</html>\n", out);
}
