/* tapian: command line, start-up and shut-down. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/commands.h"
#include "tapian/db.h"
#include "tapian/i18n.h"
#include "tapian/kiosk.h"
#include "tapian/paths.h"
#include "tapian/term.h"

static void usage(FILE *out)
{
    fprintf(out,
            "%s\n\n"
            "%s: tapian [OPTION]... [check | backup FILE | restore FILE | demo |\n"
            "       audit --since DATE [--table TABLE] | export book ... |\n"
            "       export register ... | export TABLE -o FILE |\n"
            "       import TABLE FILE | sync ... |\n"
            "       search QUERY [--limit N]]\n\n"
            "  --db PATH        %s\n"
            "  --screens DIR    %s\n"
            "  --user NAME      %s\n"
            "  --read-only      %s\n"
            "  --kiosk          %s\n"
            "  --idle-seconds N %s\n"
            "  --mono           %s\n"
            "  --slow-link      %s\n"
            "  --headless FILE  %s\n"
            "  --dump FILE      %s\n"
            "  --size COLSxROWS %s\n"
            "  -h, --help       %s\n"
            "  -V, --version    %s\n\n"
            "  check            %s\n"
            "  backup FILE      %s\n"
            "  restore FILE     %s\n"
            "  demo             %s\n"
            "  audit --since DATE [--table TABLE]\n"
            "                   %s\n"
            "  export book --format html|md|text [--width N] [--tambon T] "
            "-o FILE\n"
            "                   %s\n"
            "  export register [VERSION] --format html|csv [--rows N] "
            "[--group G]\n"
            "         [--register NAME] -o FILE\n"
            "                   %s\n"
            "  export TABLE -o FILE [--labels]\n"
            "                   %s\n"
            "  import TABLE FILE [--dry-run] [--skip-bad] [--rejects PATH]\n"
            "                   %s\n"
            "  sync export -o PACK [--to SITE] | sync import PACK [--ack FILE] |\n"
            "  sync add-site ID NAME [--hub] [--tambon PLACE] | sync role hub|kiosk |\n"
            "  sync conflicts [--all] | sync resolve N [--take-other] |\n"
            "  sync watch DIR [--once] [--interval S] | sync id\n"
            "                   %s\n"
            "  search QUERY [--limit N]\n"
            "                   %s\n\n"
            "%s\n",
            _("tapian — knowledge management for community finance groups"),
            _("Usage"),
            _("database file (default: $TAPIAN_DB, else "
              "$XDG_DATA_HOME/tapian/tapian.db)"),
            _("screen files in DIR replace the built-in ones of the same name"),
            _("log in as this user (default: the one linked to the system "
              "user, else choose from a list)"),
            _("open the database without writing"),
            _("kiosk mode: quitting asks the admin PIN, idle screens lock "
              "(also the setting kiosk = 1)"),
            _("with kiosk mode: lock after N seconds without keys (default: "
              "the setting kiosk_idle_minutes, else 10 minutes)"),
            _("no colours (also when NO_COLOR is set)"),
            _("for slow connections: lists mark the current row with > "
              "instead of highlighting it (also TAPIAN_SLOW_LINK=1)"),
            _("run without a terminal, reading keys from FILE (for tests)"),
            _("with --headless: write screen dumps to FILE"),
            _("with --headless: the screen size (default 80x24)"),
            _("show this help and exit"), _("show the version and exit"),
            _("check the database's integrity and references"),
            _("write a consistent copy of the database to FILE"),
            _("put the backup FILE in place of the database (checked first; "
              "the current one is kept in backups/)"),
            _("a guided tour for trainers on a temporary copy of the pilot "
              "data (the database is not touched)"),
            _("print the changes since DATE, one a line, tab-separated"),
            _("write the province's learning textbook to FILE (- = standard "
              "output)"),
            _("write the blank bookkeeping register of a format version "
              "(default: the newest approved) to print and fill in by hand"),
            _("write a list as CSV for Excel (--labels: Thai headings and "
              "dates)"),
            _("add and change records from a CSV file; --dry-run only "
              "reports"),
            _("exchange changes with other sites by pack files "
              "(docs/SYNC.md)"),
            _("find knowledge assets, lessons, meetings and notes; one a "
              "line, tab-separated: kind, id, title, date"),
            _("Keys inside the program: F1 or ? for help, F10 or q to quit."));
}

enum { OPT_DB = 256, OPT_SCREENS, OPT_USER, OPT_RO, OPT_MONO, OPT_HEADLESS, OPT_DUMP,
       OPT_SIZE, OPT_KIOSK, OPT_IDLE, OPT_SLOW };

static const struct option long_opts[] = {
    {"db", required_argument, NULL, OPT_DB},
    {"screens", required_argument, NULL, OPT_SCREENS},
    {"user", required_argument, NULL, OPT_USER},
    {"read-only", no_argument, NULL, OPT_RO},
    {"mono", no_argument, NULL, OPT_MONO},
    {"headless", required_argument, NULL, OPT_HEADLESS},
    {"dump", required_argument, NULL, OPT_DUMP},
    {"size", required_argument, NULL, OPT_SIZE},
    {"kiosk", no_argument, NULL, OPT_KIOSK},
    {"idle-seconds", required_argument, NULL, OPT_IDLE},
    {"slow-link", no_argument, NULL, OPT_SLOW},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

struct options {
    int cmd_argc;    /* a command after the options, e.g. check */
    char **cmd_argv;
    const char *db_path;
    const char *screens_dir;
    const char *user;
    bool read_only;
    bool kiosk;
    bool slow_link;
    int idle_seconds;
    term_opts term;
};

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct options *o)
{
    int c;
    /* "+": options stop at the command, which parses its own
     * (tapian --db X export book --format html). */
    while ((c = getopt_long(argc, argv, "+hV", long_opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: o->db_path = optarg; break;
        case OPT_SCREENS: o->screens_dir = optarg; break;
        case OPT_USER: o->user = optarg; break;
        case OPT_RO: o->read_only = true; break;
        case OPT_MONO: o->term.monochrome = true; break;
        case OPT_KIOSK: o->kiosk = true; break;
        case OPT_SLOW: o->slow_link = true; break;
        case OPT_IDLE:
            o->idle_seconds = atoi(optarg);
            if (o->idle_seconds < 1) {
                fprintf(stderr, "tapian: %s: %s\n",
                        _("bad number of seconds"), optarg);
                return 2;
            }
            break;
        case OPT_HEADLESS: o->term.script = optarg; break;
        case OPT_DUMP: o->term.dump_path = optarg; break;
        case OPT_SIZE:
            if (sscanf(optarg, "%dx%d", &o->term.cols, &o->term.rows) != 2 ||
                o->term.cols < 1 || o->term.rows < 1 || o->term.cols > 1000 ||
                o->term.rows > 1000) {
                fprintf(stderr, "tapian: %s: %s\n", _("bad size (want COLSxROWS)"),
                        optarg);
                return 2;
            }
            break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("tapian %s\n", TAPIAN_VERSION); return 0;
        default:
            fprintf(stderr, "%s\n", _("Try 'tapian --help'."));
            return 2;
        }
    }
    if (optind < argc) {
        if (!cmd_known(argv[optind])) {
            fprintf(stderr, "tapian: %s: %s\n%s\n", _("unknown command"),
                    argv[optind], _("Try 'tapian --help'."));
            return 2;
        }
        o->cmd_argc = argc - optind;
        o->cmd_argv = argv + optind;
    }
    return -1;
}

static int open_database(struct options *o, struct app *a, char **owned_path)
{
    const char *path = o->db_path;
    if (!path) {
        *owned_path = paths_default_db();
        if (!*owned_path) {
            fprintf(stderr, "tapian: %s\n",
                    _("no place for the database: set TAPIAN_DB or use --db"));
            return 1;
        }
        path = *owned_path;
    }
    db_open_opts dbo = {.read_only = o->read_only, .kiosk = o->kiosk,
                        .user = a->user};
    tp_status st = db_open(path, &dbo, &a->db);
    if (st != TP_OK) {
        fprintf(stderr, "tapian: %s: %s\n", path, tp_status_message(st));
        if (db_open_error() && *db_open_error())
            fprintf(stderr, "  (%s)\n", db_open_error());
        return 1;
    }
    a->db_path = path;
    /* The daily backup waits for the first idle second of the program
     * (app.c): copying a province-sized file must not delay the first
     * screen. A demo's copy is thrown away, so it needs none. */
    a->backup_due = !a->demo;
    if (db_is_read_only(a->db))
        app_message(a, TA_ERROR, "%s",
                    _("Read-only: this database cannot be changed here"));
    return 0;
}

int main(int argc, char **argv)
{
    const char *why = NULL;
    /* Past a file-size limit (ulimit -f) writes fail with EFBIG, which
     * SQLite reports as a full disk, instead of killing the program. */
    signal(SIGXFSZ, SIG_IGN);
    bool utf8 = term_setup_locale(&why);
    i18n_init(argv[0]);

    struct options o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (!utf8) {
        fprintf(stderr, "tapian: %s\n", why);
        return 1;
    }

    static struct app a;
    char *owned_path = NULL;
    /* The demo runs the full-screen program on a temporary copy instead of
     * the database named by --db or the default. */
    if (o.cmd_argc == 1 && cmd_interactive(o.cmd_argv[0])) {
        a.demo = demo_new(o.screens_dir);
        if (!a.demo)
            return 1;
        o.db_path = demo_db_path(a.demo);
        o.cmd_argc = 0;
    }
    if (o.user)
        snprintf(a.user, sizeof a.user, "%s", o.user);
    else
        paths_user_name(a.user, sizeof a.user);
    if (open_database(&o, &a, &owned_path) != 0) {
        free(owned_path);
        demo_free(a.demo);
        return 1;
    }

    /* Commands too: the screens say who may write which table. The
     * full-screen program checks the built-in ones once its first screen is
     * drawn (app_run). */
    char err[512];
    tp_status loaded =
        o.cmd_argc > 0 ? app_load_screens(&a, o.screens_dir, err, sizeof err)
                       : app_load_screens_first(&a, o.screens_dir, err,
                                                sizeof err);
    if (loaded != TP_OK) {
        fprintf(stderr, "tapian: %s\n%s\n", _("a screen file is not right:"), err);
        screen_set_free(&a.screens);
        db_close(&a.db);
        free(owned_path);
        demo_free(a.demo);
        return 1;
    }

    if (o.cmd_argc > 0) {
        cmd_set_screens(&a.screens);
        rc = app_command_user(&a, o.user) ? cmd_run(a.db, o.cmd_argc, o.cmd_argv)
                                          : 1;
        screen_set_free(&a.screens);
        db_close(&a.db);
        free(owned_path);
        return rc;
    }

    if (term_start(&o.term) != TP_OK) {
        term_stop();
        screen_set_free(&a.screens);
        db_close(&a.db);
        fprintf(stderr, "tapian: %s\n",
                _("cannot start the terminal (is TERM set to a known type?)"));
        free(owned_path);
        demo_free(a.demo);
        return 1;
    }
    kiosk_configure(&a, o.kiosk, o.idle_seconds);
    const char *slow = getenv("TAPIAN_SLOW_LINK");
    a.slow_link = o.slow_link || (slow && strcmp(slow, "1") == 0);
    if (a.demo)
        tour_go(&a, 0);
    else
        app_session_start(&a, o.user);
    rc = app_run(&a);
    /* For the many-users driver (bench/many_users.sh): how often this run
     * waited for another writer. Test runs only, never on a terminal. */
    if (term_is_headless() && db_busy_waits(a.db) > 0)
        fprintf(stderr, "tapian: busy-waits %lld\n", db_busy_waits(a.db));
    term_stop();
    if (rc != 0 && a.screens_err[0])
        fprintf(stderr, "tapian: %s\n%s\n", _("a screen file is not right:"),
                a.screens_err);
    app_undo_forget(&a);
    screen_set_free(&a.screens);
    db_close(&a.db);
    free(owned_path);
    demo_free(a.demo);
    return rc;
}
