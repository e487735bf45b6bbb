/* "Print the blank register": the export dialog for one register format
 * version, opened from its list (p) or its form (F6). */
#include <stdio.h>
#include <string.h>

#include "export_view.h"
#include "tapian/i18n.h"

static const struct export_format formats[] = {
    {REGISTER_HTML, N_("Web page for printing (HTML)"), "html"},
    {REGISTER_CSV, N_("CSV for Excel"), "csv"},
};

static tp_status write_register(struct app *a, void *ctx, int code,
                                const char *path, book_progress_fn progress,
                                void *pctx, char *msg, size_t msgsize)
{
    (void)progress;
    (void)pctx;
    register_opts o = {.format = (register_format)code, .version = ctx};
    register_stats st;
    tp_status s = register_export_file(a->db, &o, path, &st);
    if (s == TP_ERR_NOTFOUND)
        snprintf(msg, msgsize, "%s: %s", _("The register was not written"),
                 register_missing_message(st.missing));
    else if (s != TP_OK)
        snprintf(msg, msgsize, "%s: %s", _("The register was not written"),
                 tp_status_message(s));
    else
        snprintf(msg, msgsize, _("Wrote %zu registers of %s%s to %s"),
                 st.registers, st.label, st.draft ? _(" (draft)") : "", path);
    return s;
}

static const view_key_help register_keys[] = {
    {"Enter", N_("Write the register")},
    {"Tab", N_("Next field")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

static const struct export_spec register_spec = {
    .name = "register_print",
    .title = N_("Print the blank register"),
    .intro = N_("The registers of this format, one a page, with empty rows "
                "to fill in by hand; a draft is marked as such."),
    .formats = formats,
    .n_formats = (int)(sizeof formats / sizeof formats[0]),
    .base_name = "tapian-register",
    .keys = register_keys,
    .write = write_register,
};

struct view *register_view_new(struct app *a, const char *version_id)
{
    char *id = strdup(version_id);
    if (!id)
        return NULL;
    return export_view_new(a, &register_spec, id);
}
