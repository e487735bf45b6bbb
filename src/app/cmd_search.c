/* `tapian search QUERY [--limit N]`: full-text search for scripts, one
 * record a line, tab-separated: kind (table), id, title, date (YYYY-MM-DD,
 * empty when none). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/commands.h"
#include "tapian/db_search.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

#define SEARCH_DEFAULT_LIMIT 20

/* A tab or newline inside a value would break the line format, and an
 * escape sequence planted in the data must not reach the terminal: values
 * go out through text_display_safe, which shows controls as symbols. */
static void put_field(const char *s, char end)
{
    size_t n = 0;
    char *safe = s ? text_display_safe(s, strlen(s), false, &n) : NULL;
    if (safe)
        fwrite(safe, 1, n, stdout);
    free(safe);
    putchar(end);
}

static bool print_hit(void *ctx, const db_search_hit *h)
{
    (void)ctx;
    put_field(h->kind, '\t');
    put_field(h->id, '\t');
    put_field(h->title, '\t');
    put_field(h->day, '\n');
    return true;
}

int cmd_search_main(tp_db *db, int argc, char **argv)
{
    const char *query = NULL;
    long limit = SEARCH_DEFAULT_LIMIT;
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
            char *end;
            limit = strtol(argv[++i], &end, 10);
            bad = *end || limit < 1 || limit > 1000;
        } else if (!query) {
            query = argv[i];
        } else {
            bad = true;
        }
    }
    if (bad || !query) {
        fprintf(stderr, "%s: tapian search %s [--limit N]\n", _("Usage"),
                _("QUERY"));
        return 2;
    }
    tp_status st = db_search(db, query, (int)limit, print_hit, NULL);
    if (st != TP_OK) {
        fprintf(stderr, "tapian: search: %s\n", tp_status_message(st));
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
