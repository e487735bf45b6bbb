/* Sync figures (issue #7 §5): a kiosk changes N rows (default 10,000: new
 * people, in one transaction), the pack is exported and imported at the
 * hub; prints the time of each step. Usage: bench_sync [-n N] DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tapian/db.h"
#include "tapian/db_sync.h"

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, tp_status s, tp_db *db)
{
    fprintf(stderr, "bench_sync: %s: %s (%s)\n", what, tp_status_name(s),
            db ? db_last_error(db) : db_open_error());
    exit(1);
}

int main(int argc, char **argv)
{
    int n = 10000, c;
    while ((c = getopt(argc, argv, "n:")) != -1)
        if (c == 'n')
            n = atoi(optarg);
    if (optind != argc - 1 || n <= 0) {
        fprintf(stderr, "usage: bench_sync [-n N] DIR\n");
        return 2;
    }
    char hp[4096], kp[4096], pack[4096];
    snprintf(hp, sizeof hp, "%s/hub.db", argv[optind]);
    snprintf(kp, sizeof kp, "%s/kiosk.db", argv[optind]);
    snprintf(pack, sizeof pack, "%s/k.pack", argv[optind]);
    unlink(hp), unlink(kp);
    tp_db *hub, *kiosk;
    tp_status s;
    db_open_opts o = {.user = "bench"};
    if ((s = db_open(hp, &o, &hub)) != TP_OK)
        die(hp, s, NULL);
    if ((s = db_open(kp, &o, &kiosk)) != TP_OK)
        die(kp, s, NULL);
    db_sync_set_role(hub, "hub", NULL);
    db_sync_add_site(hub, db_site_id(kiosk), "kiosk", "kiosk", "T1");
    db_sync_add_site(kiosk, db_site_id(hub), "hub", "hub", NULL);
    double t0 = now_s();
    if ((s = db_begin(kiosk)) != TP_OK)
        die("begin", s, kiosk);
    for (int i = 0; i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "ผู้ทดสอบ %d", i);
        if ((s = db_person_add(kiosk, "คุณ", name, NULL, NULL)) != TP_OK)
            die("add", s, kiosk);
    }
    if ((s = db_commit(kiosk)) != TP_OK)
        die("commit", s, kiosk);
    double t1 = now_s();
    db_sync_pack_info info;
    if ((s = db_sync_export(kiosk, NULL, pack, &info)) != TP_OK)
        die("export", s, kiosk);
    double t2 = now_s();
    db_sync_result r;
    if ((s = db_sync_import(hub, pack, NULL, &r)) != TP_OK)
        die("import", s, hub);
    double t3 = now_s();
    if ((s = db_sync_import(hub, pack, NULL, &r)) != TP_OK)
        die("import again", s, hub);
    double t4 = now_s();
    long long people;
    db_count_live(hub, "person", &people);
    printf("rows %d: write+outbox %.3f s, export %.3f s, import %.3f s, "
           "import again %.3f s; hub has %lld people\n",
           n, t1 - t0, t2 - t1, t3 - t2, t4 - t3, people);
    db_close(&hub);
    db_close(&kiosk);
    return 0;
}
