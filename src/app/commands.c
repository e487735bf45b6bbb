/* Command-line commands that work on the database without the full-screen
 * interface: `tapian check` and `tapian backup FILE`. */
#include <stdio.h>
#include <string.h>

#include "tapian/commands.h"
#include "tapian/i18n.h"

static void print_line(void *ctx, const char *line)
{
    (void)ctx;
    printf("  %s\n", line);
}

int cmd_check(tp_db *db)
{
    printf("%s %s\n", _("Checking"), db_path(db));
    tp_status st = db_check(db, print_line, NULL);
    if (st == TP_OK) {
        printf("%s\n", _("The database is sound: integrity and references "
                         "check out."));
        return 0;
    }
    printf("%s: %s\n", _("Problems found"), tp_status_message(st));
    return 1;
}

int cmd_backup(tp_db *db, const char *file)
{
    tp_status st = db_backup(db, file);
    if (st != TP_OK) {
        fprintf(stderr, "tapian: %s %s: %s\n", _("backup to"), file,
                tp_status_message(st));
        if (db_last_error(db) && *db_last_error(db))
            fprintf(stderr, "  (%s)\n", db_last_error(db));
        return 1;
    }
    printf("%s %s\n", _("Backed up to"), file);
    return 0;
}

int cmd_run(tp_db *db, int argc, char **argv)
{
    if (strcmp(argv[0], "check") == 0 && argc == 1)
        return cmd_check(db);
    if (strcmp(argv[0], "backup") == 0 && argc == 2)
        return cmd_backup(db, argv[1]);
    fprintf(stderr, "tapian: %s: %s\n%s\n", _("unknown command or wrong "
                                              "arguments"),
            argv[0], _("Try 'tapian --help'."));
    return 2;
}

bool cmd_known(const char *name)
{
    return strcmp(name, "check") == 0 || strcmp(name, "backup") == 0;
}
