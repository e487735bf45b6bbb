/* `tapian export SUBJECT ...`: the subject picks the exporter. `book` (the
 * provincial textbook) lives here, `register` (the blank register) in
 * cmd_register.c; other subjects are added to cmd_export_main's dispatch. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/commands.h"
#include "tapian/export.h"
#include "tapian/i18n.h"

static int book_usage(void)
{
    fprintf(stderr, "%s: tapian export book --format html|md|text "
                    "[--width N] [--tambon TAMBON] -o FILE\n",
            _("Usage"));
    return 2;
}

static bool parse_width(const char *s, int *out)
{
    char *end;
    long w = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || w < BOOK_WIDTH_MIN || w > BOOK_WIDTH_MAX)
        return false;
    *out = (int)w;
    return true;
}

int cmd_export_book(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"width", required_argument, NULL, 'w'},
        {"tambon", required_argument, NULL, 't'},
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    book_opts o = {.format = BOOK_HTML, .width = BOOK_WIDTH_DEFAULT};
    const char *file = NULL;
    int c;
    optind = 0; /* restart getopt: main's options stopped at the command */
    while ((c = getopt_long(argc, argv, "+f:w:t:o:", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!book_format_parse(optarg, &o.format)) {
                fprintf(stderr, "tapian: %s: %s\n", _("unknown format"), optarg);
                return book_usage();
            }
            break;
        case 'w':
            if (!parse_width(optarg, &o.width)) {
                fprintf(stderr, "tapian: %s (%d-%d): %s\n", _("bad width"),
                        BOOK_WIDTH_MIN, BOOK_WIDTH_MAX, optarg);
                return 2;
            }
            break;
        case 't': o.tambon = optarg; break;
        case 'o': file = optarg; break;
        default: return book_usage();
        }
    }
    if (!file || optind != argc)
        return book_usage();
    book_stats st;
    tp_status s = book_export_file(db, &o, file, &st);
    if (s == TP_ERR_NOTFOUND) {
        fprintf(stderr, "tapian: %s: %s\n", _("no such tambon"), o.tambon);
        return 1;
    }
    if (s != TP_OK) {
        fprintf(stderr, "tapian: export book %s: %s\n", file,
                tp_status_message(s));
        return 1;
    }
    if (strcmp(file, "-") != 0)
    {
        printf(_("Wrote %zu knowledge assets and %zu lessons to %s"),
               st.assets, st.lessons, file);
        putchar('\n');
    }
    return 0;
}

int cmd_export_main(tp_db *db, int argc, char **argv)
{
    if (strcmp(argv[1], "book") == 0)
        return cmd_export_book(db, argc - 1, argv + 1);
    if (strcmp(argv[1], "register") == 0)
        return cmd_export_register(db, argc - 1, argv + 1);
    /* anything else names a list: export TABLE -o FILE.csv */
    return cmd_export_csv(db, argc, argv);
}
