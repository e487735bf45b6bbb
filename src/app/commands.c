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

int cmd_check_main(tp_db *db, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cmd_check(db);
}

int cmd_backup_main(tp_db *db, int argc, char **argv)
{
    (void)argc;
    return cmd_backup(db, argv[1]);
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

static const screen_set *loaded_screens;

void cmd_set_screens(const screen_set *set)
{
    loaded_screens = set;
}

const screen_set *cmd_screens(void)
{
    return loaded_screens;
}

/* The commands, one line each: name, what follows it, and the function.
 * Each command that grows beyond a few lines lives in its own file. A NULL
 * function marks a command that runs the full-screen program on a database
 * of its own (demo: main.c with src/app/demo.c). */
static const struct command {
    const char *name;
    int min_args, max_args; /* after the name */
    int (*run)(tp_db *db, int argc, char **argv);
} commands[] = {
    {"check", 0, 0, cmd_check_main},
    {"backup", 1, 1, cmd_backup_main},
    {"export", 1, -1, cmd_export_main},
    {"import", 1, -1, cmd_import_main},
    {"audit", 2, 4, cmd_audit_main},
    {"restore", 1, 1, cmd_restore_main},
    {"demo", 0, 0, NULL},
    {"sync", 1, -1, cmd_sync_main},
    {"search", 1, 3, cmd_search_main},
};

int cmd_run(tp_db *db, int argc, char **argv)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const struct command *c = &commands[i];
        if (strcmp(argv[0], c->name) != 0)
            continue;
        if (argc - 1 < c->min_args || (c->max_args >= 0 && argc - 1 > c->max_args) ||
            !c->run)
            break;
        return c->run(db, argc, argv);
    }
    fprintf(stderr, "tapian: %s: %s\n%s\n", _("unknown command or wrong "
                                              "arguments"),
            argv[0], _("Try 'tapian --help'."));
    return 2;
}

bool cmd_known(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return true;
    return false;
}

bool cmd_interactive(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run == NULL;
    return false;
}
