/* `tapian export TABLE -o FILE` and `tapian import TABLE FILE`: any list
 * as CSV and back. TABLE is a records screen's name or its table. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "tapian/commands.h"
#include "tapian/csv_io.h"
#include "tapian/i18n.h"

static int wrong_use(const char *command)
{
    fprintf(stderr, "tapian: %s: %s\n%s\n", command,
            _("unknown command or wrong arguments"), _("Try 'tapian --help'."));
    return 2;
}

static const screen *list_named(const char *name)
{
    const screen_set *set = cmd_screens();
    const screen *s = set ? screen_find(set, name) : NULL;
    if ((!s || s->kind != SCREEN_RECORDS) && set)
        s = screen_for_table(set, name);
    if (!s || s->kind != SCREEN_RECORDS || !s->source) {
        fprintf(stderr, "tapian: %s: %s\n", name,
                _("no list has this name (give a screen or table, e.g. "
                  "meeting)"));
        return NULL;
    }
    return s;
}

int cmd_export_csv(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"labels", no_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL;
    csv_export_opts eo = {.labels = false};
    int c;
    optind = 0; /* main's getopt ran first */
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (c == 'o')
            out = optarg;
        else if (c == 'l')
            eo.labels = true;
        else
            return wrong_use(argv[0]);
    }
    if (optind != argc - 1)
        return wrong_use(argv[0]);
    const screen *s = list_named(argv[optind]);
    if (!s)
        return 2;
    bool to_stdout = !out || strcmp(out, "-") == 0;
    long rows = 0;
    tp_status st = to_stdout ? csv_export_stream(db, s, stdout, &eo, &rows)
                             : csv_export(db, s, out, &eo, &rows);
    if (st != TP_OK) {
        fprintf(stderr, "tapian: %s: %s\n", to_stdout ? "-" : out,
                tp_status_message(st));
        return 1;
    }
    if (!to_stdout)
        printf(_("%ld rows written to %s\n"), rows, out);
    return 0;
}

static void print_error(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "%s\n", message);
}

static int import_summary(const csv_import_opts *io, const csv_import_result *r,
                          tp_status st)
{
    if (io->dry_run)
        printf(_("Dry run: would add %ld, would change %ld (%ld unchanged)\n"),
               r->added, r->changed, r->unchanged);
    else if (st == TP_OK)
        printf(_("Added %ld, changed %ld (%ld unchanged)\n"), r->added,
               r->changed, r->unchanged);
    if (r->bad && r->rejects[0] && st == TP_OK)
        printf(_("%ld rows with errors were written to %s\n"), r->bad,
               r->rejects);
    else if (r->bad && io->skip_bad && io->dry_run)
        printf(_("%ld rows have errors and would be set aside\n"), r->bad);
    else if (r->bad)
        printf(_("%ld rows have errors; nothing was imported\n"), r->bad);
    if (st == TP_ERR_IO && r->rejects[0]) {
        fprintf(stderr, "tapian: %s: %s\n", r->rejects, tp_status_message(st));
        return 1;
    }
    return st == TP_OK && (!r->bad || (io->skip_bad && !io->dry_run)) ? 0 : 1;
}

int cmd_import_main(tp_db *db, int argc, char **argv)
{
    enum { OPT_DRY = 256, OPT_SKIP, OPT_REJECTS };
    static const struct option opts[] = {
        {"dry-run", no_argument, NULL, OPT_DRY},
        {"skip-bad", no_argument, NULL, OPT_SKIP},
        {"rejects", required_argument, NULL, OPT_REJECTS},
        {NULL, 0, NULL, 0},
    };
    csv_import_opts io = {.on_error = print_error};
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DRY: io.dry_run = true; break;
        case OPT_SKIP: io.skip_bad = true; break;
        case OPT_REJECTS: io.rejects_path = optarg; break;
        default: return wrong_use(argv[0]);
        }
    }
    if (optind != argc - 2)
        return wrong_use(argv[0]);
    const screen *s = list_named(argv[optind]);
    const char *file = argv[optind + 1];
    if (!s)
        return 2;
    csv_import_result r;
    tp_status st = csv_import(db, s, file, &io, &r);
    if (st == TP_ERR_PERM) {
        fprintf(stderr, "tapian: %s: %s\n%s\n", s->source,
                tp_status_message(st),
                _("Run it as a user who may change this list: tapian --user "
                  "LOGIN import ..."));
        return 1;
    }
    if (r.refused) {
        fprintf(stderr, "tapian: %s: %s\n", file,
                _("the file was refused; nothing was imported"));
        return 1;
    }
    if (st != TP_OK && st != TP_ERR_INVALID && !(st == TP_ERR_IO && r.rejects[0])) {
        fprintf(stderr, "tapian: %s: %s\n", file, tp_status_message(st));
        return 1;
    }
    return import_summary(&io, &r, st);
}
