/* `tapian audit --since DATE [--table T]`: the audit log for scripts, one
 * change a line, tab-separated: time, user, table, id, action, changed
 * columns. */
#include <stdio.h>
#include <string.h>

#include "tapian/commands.h"
#include "tapian/db_audit.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

/* A tab or newline inside a value would break the line format. */
static void put_field(const char *s, char end)
{
    for (; *s; s++)
        putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
    putchar(end);
}

static bool print_entry(void *ctx, const db_audit_entry *e)
{
    (void)ctx;
    put_field(e->at, '\t');
    put_field(e->who, '\t');
    put_field(e->table, '\t');
    put_field(e->row_id, '\t');
    put_field(e->action, '\t');
    put_field(e->changed, '\n');
    return true;
}

int cmd_audit_main(tp_db *db, int argc, char **argv)
{
    const char *since = NULL, *table = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--since") == 0)
            since = argv[i + 1];
        else if (strcmp(argv[i], "--table") == 0)
            table = argv[i + 1];
        else
            since = NULL, i = argc; /* unknown option: usage below */
    }
    if (!since || argc % 2 == 0) {
        fprintf(stderr, "%s: tapian audit --since %s [--table %s]\n",
                _("Usage"), _("DATE"), _("TABLE"));
        return 2;
    }
    text_date d;
    if (text_date_parse(since, strlen(since), &d) != TP_OK) {
        fprintf(stderr, "tapian: %s: %s\n", _("not a date"), since);
        return 2;
    }
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", d.year, d.month, d.day);
    tp_status st = db_audit_since(db, day, table, print_entry, NULL);
    if (st != TP_OK) {
        fprintf(stderr, "tapian: audit: %s\n", tp_status_message(st));
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
