/* "Print the book" (พิมพ์เป็นตำรา): the export dialog for the provincial
 * textbook. */
#include <stdio.h>

#include "export_view.h"
#include "tapian/i18n.h"

static const struct export_format formats[] = {
    {BOOK_HTML, N_("Web page for printing (HTML)"), "html"},
    {BOOK_MD, N_("Markdown"), "md"},
    {BOOK_TEXT, N_("Plain text"), "txt"},
};

static tp_status write_book(struct app *a, void *ctx, int code,
                            const char *path, book_progress_fn progress,
                            void *pctx, char *msg, size_t msgsize)
{
    (void)ctx;
    book_opts o = {.format = (book_format)code, .progress = progress,
                   .progress_ctx = pctx};
    book_stats st;
    tp_status s = book_export_file(a->db, &o, path, &st);
    if (s != TP_OK)
        snprintf(msg, msgsize, "%s: %s", _("The book was not written"),
                 tp_status_message(s));
    else
        snprintf(msg, msgsize,
                 _("Wrote %zu knowledge assets and %zu lessons to %s"),
                 st.assets, st.lessons, path);
    return s;
}

static const view_key_help book_keys[] = {
    {"Enter", N_("Write the book")},
    {"Tab", N_("Next field")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

static const struct export_spec book_spec = {
    .name = "book",
    .title = N_("Print the book"),
    .intro = N_("The learning textbook of Nakhon Si Thammarat: every "
                "knowledge asset and lesson, by topic, tambon and group."),
    .formats = formats,
    .n_formats = (int)(sizeof formats / sizeof formats[0]),
    .base_name = "tapian-book",
    .keys = book_keys,
    .write = write_book,
};

struct view *book_view_new(struct app *a)
{
    return export_view_new(a, &book_spec, NULL);
}
