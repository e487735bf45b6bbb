/* `tapian export register [VERSION] --format html|csv [--rows N]
 * [--group GROUP] [--register NAME] -o FILE`: the blank bookkeeping
 * register of a format version, to print and fill in by hand. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/commands.h"
#include "tapian/export.h"
#include "tapian/i18n.h"

static int register_usage(void)
{
    fprintf(stderr, "%s: tapian export register [VERSION] --format html|csv "
                    "[--rows N] [--group GROUP] [--register NAME] -o FILE\n"
                    "       tapian export register --list -o FILE.csv\n",
            _("Usage"));
    return 2;
}

static bool parse_rows(const char *s, int *out)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || n < 1 || n > REGISTER_ROWS_MAX)
        return false;
    *out = (int)n;
    return true;
}

/* A file ending in .csv without --format means CSV. */
static register_format format_of_name(const char *file)
{
    size_t n = strlen(file);
    return n > 4 && strcmp(file + n - 4, ".csv") == 0 ? REGISTER_CSV
                                                        : REGISTER_HTML;
}

/* `export register --list ...`: the Registers list as CSV, which the bare
 * name would otherwise have meant; handed on as "export register ...". */
static int list_csv(tp_db *db, int argc, char **argv)
{
    static char export_word[] = "export";
    char *args[34] = {export_word};
    int n = 1;
    for (int i = 0; i < argc && n < 33; i++)
        if (strcmp(argv[i], "--list") != 0)
            args[n++] = argv[i];
    args[n] = NULL;
    return cmd_export_csv(db, n, args);
}

int cmd_export_register(tp_db *db, int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--list") == 0)
            return list_csv(db, argc, argv);
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"rows", required_argument, NULL, 'r'},
        {"group", required_argument, NULL, 'g'},
        {"register", required_argument, NULL, 'R'},
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    register_opts o = {.format = REGISTER_HTML};
    bool format_given = false;
    const char *file = NULL;
    int c;
    optind = 0; /* restart getopt: main's options stopped at the command */
    while ((c = getopt_long(argc, argv, "f:o:", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!register_format_parse(optarg, &o.format)) {
                fprintf(stderr, "tapian: %s: %s\n", _("unknown format"), optarg);
                return register_usage();
            }
            format_given = true;
            break;
        case 'r':
            if (!parse_rows(optarg, &o.rows)) {
                fprintf(stderr, "tapian: %s (1-%d): %s\n",
                        _("bad number of rows"), REGISTER_ROWS_MAX, optarg);
                return 2;
            }
            break;
        case 'g': o.group = optarg; break;
        case 'R': o.register_name = optarg; break;
        case 'o': file = optarg; break;
        default: return register_usage();
        }
    }
    if (optind < argc)
        o.version = argv[optind++];
    if (!file || optind != argc)
        return register_usage();
    if (!format_given)
        o.format = format_of_name(file);
    register_stats st;
    tp_status s = register_export_file(db, &o, file, &st);
    if (s == TP_ERR_NOTFOUND) {
        fprintf(stderr, "tapian: %s\n", register_missing_message(st.missing));
        return 1;
    }
    if (s != TP_OK) {
        fprintf(stderr, "tapian: export register %s: %s\n", file,
                tp_status_message(s));
        return 1;
    }
    if (strcmp(file, "-") != 0) {
        printf(_("Wrote %zu registers of %s%s to %s"), st.registers, st.label,
               st.draft ? _(" (draft)") : "", file);
        putchar('\n');
    }
    return 0;
}
