/* `tapian sync ...`: packs between kiosks and the hub (docs/SYNC.md).
 *   sync export -o PACK [--to SITE]    sync import PACK [--ack FILE]
 *   sync add-site ID NAME [--hub] [--tambon PLACE]
 *   sync role hub|kiosk [--tambon PLACE]    sync id
 *   sync conflicts [--all]    sync resolve N [--take-other]
 *   sync watch DIR [--once] [--interval SECONDS] */
#include <dirent.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tapian/commands.h"
#include "tapian/db_sync.h"
#include "tapian/i18n.h"

static const char *refusal_text(db_sync_refusal r)
{
    switch (r) {
    case SYNC_BAD_FORMAT:
        return _("not a tapian sync pack, or the file was cut short; copy it "
                 "again");
    case SYNC_BAD_CHECKSUM:
        return _("the pack is damaged (checksum does not match); copy it "
                 "again");
    case SYNC_NEWER_SCHEMA:
        return _("the pack was made by a newer tapian; update this one first");
    case SYNC_OLDER_SCHEMA:
        return _("the pack was made by an older tapian; update the sender "
                 "first");
    case SYNC_UNKNOWN_SITE:
        return _("the pack comes from a site that was never introduced; use "
                 "'tapian sync add-site'");
    case SYNC_NOT_FOR_US:
        return _("the pack is addressed to another site");
    case SYNC_GAP:
        return _("changes before this pack are missing; ask the sender for a "
                 "new pack");
    case SYNC_NOT_APPLIED:
        return _("the changes could not be applied; nothing was changed");
    case SYNC_NOT_PERMITTED:
        return _("it holds a change its author may not make; nothing was "
                 "changed");
    default:
        return "";
    }
}

static const char *denial_text(db_sync_denial d)
{
    switch (d) {
    case SYNC_DENY_TABLE:
        return _("this table does not travel in sync packs");
    case SYNC_DENY_DELETE:
        return _("rows are never deleted, only marked deleted");
    case SYNC_DENY_REFERENCE:
        return _("reference data is changed at the provincial hub, not on a "
                 "kiosk");
    case SYNC_DENY_ROLE:
        return _("no role of this user may change this table");
    case SYNC_DENY_PIN:
        return _("a PIN may be set on a kiosk only by its own user, and an "
                 "administrator's only at the hub");
    default:
        return "";
    }
}

/* The screen title of a table, or its name. */
static const char *table_title(const char *table)
{
    const screen_set *set = cmd_screens();
    const screen *s = set ? screen_for_table(set, table) : NULL;
    return s ? screen_title(s) : table;
}

static int fail(tp_db *db, const char *what, tp_status st)
{
    fprintf(stderr, "tapian: %s: %s\n", what, tp_status_message(st));
    if (db_last_error(db) && *db_last_error(db))
        fprintf(stderr, "  (%s)\n", db_last_error(db));
    return 1;
}

static int do_import(tp_db *db, const char *pack, const char *ack)
{
    db_sync_result r;
    tp_status st = db_sync_import(db, pack, ack, &r);
    if (st != TP_OK && r.refusal != SYNC_ACCEPTED) {
        fprintf(stderr, "tapian: %s %s: %s\n", _("pack refused"), pack,
                refusal_text(r.refusal));
        if (r.refusal == SYNC_NOT_PERMITTED)
            fprintf(stderr, _("  %s (%s), row %s, changed by %s: %s\n"),
                    table_title(r.table), r.table, r.row_id,
                    *r.author ? r.author : "?", denial_text(r.denial));
        return 1;
    }
    if (st != TP_OK)
        return fail(db, pack, st);
    if (r.pack.is_ack)
        printf("%s %lld\n", _("Acknowledged up to change"), r.pack.ack);
    else
        printf(_("%s: %zu changes applied, %zu already here, %zu conflicts "
                 "kept, %zu skipped\n"),
               pack, r.applied, r.duplicates, r.conflicts, r.skipped);
    return 0;
}

static int sync_export(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"to", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL, *to = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "o:t:", opts, NULL)) != -1) {
        if (c == 'o')
            out = optarg;
        else if (c == 't')
            to = optarg;
        else
            return 2;
    }
    if (!out || optind != argc) {
        fprintf(stderr, "tapian: %s\n", _("usage: sync export -o PACK "
                                          "[--to SITE]"));
        return 2;
    }
    db_sync_pack_info info;
    tp_status st = db_sync_export(db, to, out, &info);
    if (st != TP_OK)
        return fail(db, out, st);
    printf(_("%s: %zu changes (%lld to %lld) for %s\n"), out, info.entries,
           info.first, info.last, info.to);
    return 0;
}

static int sync_import(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"ack", required_argument, NULL, 'a'},
        {NULL, 0, NULL, 0},
    };
    const char *ack = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "a:", opts, NULL)) != -1) {
        if (c != 'a')
            return 2;
        ack = optarg;
    }
    if (optind != argc - 1) {
        fprintf(stderr, "tapian: %s\n", _("usage: sync import PACK "
                                          "[--ack FILE]"));
        return 2;
    }
    char def[4096];
    if (!ack) {
        snprintf(def, sizeof def, "%s.ack", argv[optind]);
        ack = def;
    }
    return do_import(db, argv[optind], ack);
}

static int sync_add_site(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"hub", no_argument, NULL, 'h'},
        {"tambon", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    const char *role = "kiosk", *tambon = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'h')
            role = "hub";
        else if (c == 't')
            tambon = optarg;
        else
            return 2;
    }
    if (optind != argc - 2) {
        fprintf(stderr, "tapian: %s\n", _("usage: sync add-site ID NAME "
                                          "[--hub] [--tambon PLACE]"));
        return 2;
    }
    tp_status st = db_sync_add_site(db, argv[optind], argv[optind + 1], role,
                                    tambon);
    if (st != TP_OK)
        return fail(db, argv[optind], st);
    printf("%s %s\n", _("Site introduced:"), argv[optind]);
    return 0;
}

static int sync_role(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"tambon", required_argument, NULL, 't'},
        {NULL, 0, NULL, 0},
    };
    const char *tambon = NULL;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c != 't')
            return 2;
        tambon = optarg;
    }
    if (optind != argc - 1)
        return 2;
    tp_status st = db_sync_set_role(db, argv[optind], tambon);
    return st == TP_OK ? 0 : fail(db, argv[optind], st);
}

static bool print_conflict(void *ctx, int n, const char *const *c)
{
    (void)ctx, (void)n;
    printf("#%s  %s  %s %s  %s: %s\n", c[0], c[1], c[2], c[3], _("chosen"),
           c[5]);
    printf("  %s %s\n  %s %s\n", _("here:    "), c[6], _("incoming:"), c[7]);
    if (c[8])
        printf("  %s %s\n", _("resolved"), c[8]);
    return true;
}

static int sync_conflicts(tp_db *db, int argc, char **argv)
{
    bool all = argc > 1 && strcmp(argv[1], "--all") == 0;
    tp_status st = db_sync_conflicts(db, !all, print_conflict, NULL);
    return st == TP_OK ? 0 : fail(db, "conflicts", st);
}

static int sync_resolve(tp_db *db, int argc, char **argv)
{
    bool other = argc > 2 && strcmp(argv[2], "--take-other") == 0;
    if (argc < 2)
        return 2;
    tp_status st = db_sync_resolve(db, atoll(argv[1]), other);
    if (st != TP_OK)
        return fail(db, argv[1], st);
    printf("%s #%s\n", _("Conflict resolved:"), argv[1]);
    return 0;
}

static volatile sig_atomic_t stop_watch;

static void on_stop(int sig)
{
    (void)sig;
    stop_watch = 1;
}

static bool is_pack(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".pack") == 0) ||
                              (n > 4 && strcmp(name + n - 4, ".ack") == 0));
}

struct outbox {
    tp_db *db;
    const char *dir;
    int bad;
};

/* outbox/<from>-to-<peer>.pack, replaced each turn with all that peer has
 * not acknowledged. */
static bool export_to(void *ctx, int n, const char *const *cols)
{
    (void)n;
    struct outbox *o = ctx;
    char path[8192];
    snprintf(path, sizeof path, "%s/outbox/%.36s-to-%.36s.pack", o->dir,
             db_site_id(o->db), cols[0]);
    db_sync_pack_info info;
    tp_status st = db_sync_export(o->db, cols[0], path, &info);
    if (st != TP_OK)
        o->bad += fail(o->db, path, st);
    return true;
}

/* Takes every pack in inbox/ (done ones move to inbox/done/, refused ones
 * to inbox/refused/), then writes one pack per peer into outbox/. */
static int watch_once(tp_db *db, const char *dir)
{
    char in[4096], path[8192], to[8192];
    snprintf(in, sizeof in, "%s/inbox", dir);
    int bad = 0;
    /* A backup before this turn's first pack, unless the last one is under
     * an hour old: packs arrive all day, and a province hub copying its
     * gigabytes every few seconds would do little else. */
    db_sync_new_round(db, 3600);
    DIR *d = opendir(in);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!is_pack(e->d_name))
                continue;
            snprintf(path, sizeof path, "%s/%s", in, e->d_name);
            int rc = do_import(db, path, NULL);
            snprintf(to, sizeof to, "%s/%s/%s", in, rc ? "refused" : "done",
                     e->d_name);
            rename(path, to);
            bad += rc != 0;
        }
        closedir(d);
    }
    struct outbox o = {.db = db, .dir = dir, .bad = 0};
    tp_status st = db_sync_peers(db, export_to, &o);
    if (st != TP_OK)
        return fail(db, dir, st);
    bad += o.bad;
    return bad ? 1 : 0;
}

static int sync_watch(tp_db *db, int argc, char **argv)
{
    static const struct option opts[] = {
        {"once", no_argument, NULL, '1'},
        {"interval", required_argument, NULL, 'i'},
        {NULL, 0, NULL, 0},
    };
    bool once = false;
    int interval = 5, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == '1')
            once = true;
        else if (c == 'i')
            interval = atoi(optarg) > 0 ? atoi(optarg) : 5;
        else
            return 2;
    }
    if (optind != argc - 1)
        return 2;
    const char *dir = argv[optind];
    const char *sub[] = {"inbox", "inbox/done", "inbox/refused", "outbox"};
    for (size_t i = 0; i < 4; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, sub[i]);
        mkdir(p, 0770);
    }
    struct sigaction sa = {.sa_handler = on_stop};
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    int rc = 0;
    do {
        rc = watch_once(db, dir);
        for (int s = 0; !once && !stop_watch && s < interval; s++)
            sleep(1);
    } while (!once && !stop_watch);
    return rc;
}

int cmd_sync_main(tp_db *db, int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*run)(tp_db *, int, char **);
    } subs[] = {
        {"export", sync_export},       {"import", sync_import},
        {"add-site", sync_add_site},   {"role", sync_role},
        {"conflicts", sync_conflicts}, {"resolve", sync_resolve},
        {"watch", sync_watch},
    };
    if (argc >= 2 && strcmp(argv[1], "id") == 0) {
        printf("%s\n", db_site_id(db));
        return 0;
    }
    for (size_t i = 0; argc >= 2 && i < sizeof subs / sizeof *subs; i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return subs[i].run(db, argc - 1, argv + 1);
    fprintf(stderr, "tapian: %s\n", _("usage: sync export|import|add-site|"
                                      "role|conflicts|resolve|watch|id ..."));
    return 2;
}
