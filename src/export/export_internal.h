/* Private to src/export: what every exporter shares — HTML escaping and
 * writing a file beside its final name. */
#ifndef TAPIAN_EXPORT_INTERNAL_H
#define TAPIAN_EXPORT_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "tapian/status.h"

/* Text with & < > " ' as entities; NULL writes nothing. */
void html_esc_n(FILE *out, const char *s, size_t n);
void html_esc(FILE *out, const char *s);
/* <tag class="cls">text</tag> and a newline, escaped; nothing when text is
 * NULL. cls is written as given (the callers' own constants). */
void html_elem(FILE *out, const char *tag, const char *cls, const char *text);

/* Runs write(ctx, f) on a file beside path and renames it into place when
 * write returns TP_OK and the file closed cleanly, so that a failure leaves
 * no half file; path "-" writes to standard output. */
tp_status export_to_path(const char *path,
                         tp_status (*write)(void *ctx, FILE *f), void *ctx);

#endif
