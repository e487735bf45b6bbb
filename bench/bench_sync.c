/* Sync figures: a kiosk changes N rows in one transaction, the pack is
 * exported and imported at the hub; each step's wall and CPU time (the
 * box may be shared: CPU time is what the step costs, wall time what a
 * user waits). Two kinds of pack, R runs each:
 *   records   a tambon's circles: N/25 meetings with 24 attendance rows
 *             each (the people come from the hub first, as they must)
 *   meetings  N meetings: every row indexed for search, the worst case
 * Usage: bench_sync [-n N] [-r RUNS] DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench_time.h"
#include "tapian/db.h"
#include "tapian/db_sync.h"

#define PEOPLE 24

static void die(const char *what, tp_status s, tp_db *db)
{
    fprintf(stderr, "bench_sync: %s: %s (%s)\n", what, tp_status_name(s),
            db ? db_last_error(db) : db_open_error());
    exit(1);
}

static void check(tp_status s, const char *what, tp_db *db)
{
    if (s != TP_OK)
        die(what, s, db);
}

static void pass(tp_db *from, tp_db *to, const char *pack)
{
    db_sync_pack_info info;
    check(db_sync_export(from, db_site_id(to), pack, &info), "export", from);
    db_sync_result r;
    check(db_sync_import(to, pack, NULL, &r), "import", to);
}

static void write_rows(tp_db *kiosk, int n, bool records,
                       char people[PEOPLE][DB_UUID_LEN])
{
    check(db_begin(kiosk), "begin", kiosk);
    int meetings = records ? n / (PEOPLE + 1) : n;
    for (int i = 0; i < meetings; i++) {
        char title[64], id[DB_UUID_LEN];
        snprintf(title, sizeof title, "วงคุณกิจ ครั้งที่ %d", i);
        db_meeting m = {.circle = "kit", .held_on = "2006-07-01",
                        .title = title};
        check(db_meeting_add(kiosk, &m, id), "meeting", kiosk);
        for (int p = 0; records && p < PEOPLE; p++)
            check(db_attendance_add(kiosk, id, people[p],
                                    p % 5 ? "present" : "absent", NULL, NULL),
                  "attendance", kiosk);
    }
    check(db_commit(kiosk), "commit", kiosk);
}

static void run(const char *dir, int n, bool records)
{
    char hp[4096], kp[4096], pack[4096];
    snprintf(hp, sizeof hp, "%s/hub.db", dir);
    snprintf(kp, sizeof kp, "%s/kiosk.db", dir);
    snprintf(pack, sizeof pack, "%s/k.pack", dir);
    const char *files[] = {hp, kp};
    for (int i = 0; i < 2; i++) {
        char p[4200];
        unlink(files[i]);
        snprintf(p, sizeof p, "%s-wal", files[i]);
        unlink(p);
        snprintf(p, sizeof p, "%s-shm", files[i]);
        unlink(p);
    }
    tp_db *hub, *kiosk;
    db_open_opts o = {.user = "bench"};
    tp_status s;
    if ((s = db_open(hp, &o, &hub)) != TP_OK)
        die(hp, s, NULL);
    if ((s = db_open(kp, &o, &kiosk)) != TP_OK)
        die(kp, s, NULL);
    check(db_sync_set_role(hub, "hub", NULL), "role", hub);
    check(db_sync_set_role(kiosk, "kiosk", "T1"), "role", kiosk);
    check(db_sync_add_site(hub, db_site_id(kiosk), "kiosk", "kiosk", "T1"),
          "add-site", hub);
    check(db_sync_add_site(kiosk, db_site_id(hub), "hub", "hub", NULL),
          "add-site", kiosk);
    /* people are the hub's: they reach the kiosk in a pack first */
    char people[PEOPLE][DB_UUID_LEN];
    for (int p = 0; p < PEOPLE; p++) {
        char name[64];
        snprintf(name, sizeof name, "สมาชิกกลุ่ม %d", p);
        check(db_person_add(hub, "คุณ", name, NULL, people[p]), "person", hub);
    }
    pass(hub, kiosk, pack);
    struct bench_clock t0 = bench_now();
    write_rows(kiosk, n, records, people);
    struct bench_clock w = bench_since(t0);
    db_sync_pack_info info;
    t0 = bench_now();
    check(db_sync_export(kiosk, NULL, pack, &info), "export", kiosk);
    struct bench_clock e = bench_since(t0);
    t0 = bench_now();
    db_sync_result r;
    check(db_sync_import(hub, pack, NULL, &r), "import", hub);
    struct bench_clock im = bench_since(t0);
    t0 = bench_now();
    check(db_sync_import(hub, pack, NULL, &r), "import again", hub);
    struct bench_clock again = bench_since(t0);
    long long meetings = 0, attendance = 0;
    db_count_live(hub, "meeting", &meetings);
    db_count_live(hub, "attendance", &attendance);
    FILE *f = fopen(pack, "rb");
    long size = 0;
    if (f) {
        fseek(f, 0, SEEK_END);
        size = ftell(f);
        fclose(f);
    }
    printf("%-8s rows %d (pack %.1f MB): export %.3f s (cpu %.3f), "
           "import %.3f s (cpu %.3f), again %.3f s; writing them %.2f s "
           "(cpu %.2f); hub has %lld meetings, %lld attendance\n",
           records ? "records" : "meetings", n, (double)size / 1e6, e.wall,
           e.cpu, im.wall, im.cpu, again.wall, w.wall, w.cpu, meetings,
           attendance);
    db_close(&hub);
    db_close(&kiosk);
}

int main(int argc, char **argv)
{
    int n = 10000, runs = 5, c;
    while ((c = getopt(argc, argv, "n:r:")) != -1) {
        if (c == 'n')
            n = atoi(optarg);
        else if (c == 'r')
            runs = atoi(optarg);
        else
            return 2;
    }
    if (optind != argc - 1 || n <= 0 || runs <= 0) {
        fprintf(stderr, "usage: bench_sync [-n N] [-r RUNS] DIR\n");
        return 2;
    }
    for (int i = 0; i < runs; i++)
        run(argv[optind], n, true);
    for (int i = 0; i < runs; i++)
        run(argv[optind], n, false);
    return 0;
}
