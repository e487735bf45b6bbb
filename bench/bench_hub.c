/* The hub taking one round of tambon packs: a copy of the province file
 * (HUB, made by gen_province) imports one pack from each of T tambons
 * (default 165). The packs are made the way kiosks make them, by the real
 * write path and db_sync_export, from small kiosk files made one after
 * another: each holds its tambon's places and the people it needs (copied
 * from the hub with their ids, as the hub's reference packs would bring
 * them) and records M meetings (default 8) of A people each (default 20),
 * each meeting and its attendance saved together as the circle screen
 * does. Then one hub connection imports every pack, with the hub's screen
 * permissions registered, so each change is also checked against who may
 * change what. Prints wall and CPU time of the first pack (which makes the
 * hub's rotating backup), of the rest, and in all.
 * Usage: bench_hub [-t T] [-m M] [-a A] HUB DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tapian/app.h"
#include "bench_time.h"
#include "tapian/db.h"
#include "tapian/db_bulk.h"
#include "tapian/db_records.h"
#include "tapian/db_sync.h"

static void check(tp_status s, const char *what, tp_db *db)
{
    if (s == TP_OK)
        return;
    fprintf(stderr, "bench_hub: %s: %s (%s)\n", what, tp_status_name(s),
            db ? db_last_error(db) : db_open_error());
    exit(1);
}

struct place {
    char id[40], kind[12], parent[40], name[160];
    int moo;
};

struct world {
    struct place *places;
    size_t n;
    char (*people)[40];
    size_t npeople, want_people;
};

static bool take_place(void *ctx, int n, const char *const *c)
{
    struct world *w = ctx;
    (void)n;
    struct place *g = realloc(w->places, (w->n + 1) * sizeof *g);
    if (!g)
        return false;
    w->places = g;
    struct place *p = &g[w->n++];
    snprintf(p->id, sizeof p->id, "%s", c[0]);
    snprintf(p->kind, sizeof p->kind, "%s", c[1]);
    snprintf(p->parent, sizeof p->parent, "%s", c[2] ? c[2] : "");
    snprintf(p->name, sizeof p->name, "%s", c[3] ? c[3] : "");
    p->moo = c[4] ? atoi(c[4]) : 0;
    return true;
}

static bool take_person(void *ctx, int n, const char *const *c)
{
    struct world *w = ctx;
    (void)n;
    snprintf(w->people[w->npeople++], 40, "%s", c[0]);
    return w->npeople < w->want_people;
}

static const struct place *find(const struct world *w, const char *id)
{
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->places[i].id, id) == 0)
            return &w->places[i];
    return NULL;
}

static void bulk_place(db_bulk *b, const struct place *p)
{
    db_place d = {.kind = p->kind, .parent_id = *p->parent ? p->parent : NULL,
                  .name = *p->name ? p->name : NULL, .moo = p->moo};
    check(db_bulk_place(b, p->id, &d), "bulk place", NULL);
}

static void remove_db(const char *path)
{
    char p[4200];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

/* One kiosk of tambon t: its places and people, M meetings, one pack. */
static long make_pack(tp_db *hub, const struct world *w,
                      const struct place *tambon, size_t first_person,
                      int meetings, int attend, const char *dir, int t)
{
    char kp[4096], pack[4096];
    snprintf(kp, sizeof kp, "%s/kiosk.db", dir);
    snprintf(pack, sizeof pack, "%s/packs/t%03d.pack", dir, t);
    remove_db(kp);
    tp_db *k;
    db_open_opts o = {.user = "bench", .no_pilot_data = true};
    check(db_open(kp, &o, &k), kp, NULL);
    check(db_sync_set_role(k, "kiosk", tambon->id), "role", k);
    check(db_sync_add_site(k, db_site_id(hub), "hub", "hub", NULL), "site", k);
    char name[64];
    snprintf(name, sizeof name, "kiosk %03d", t);
    check(db_sync_add_site(hub, db_site_id(k), name, "kiosk", tambon->id),
          "site", hub);
    db_bulk *b;
    check(db_bulk_begin(k, "2006-01-01T00:00:00.000Z", &b), "bulk", k);
    const struct place *amphoe = find(w, tambon->parent);
    const struct place *province = amphoe ? find(w, amphoe->parent) : NULL;
    if (!amphoe || !province)
        check(TP_ERR_NOTFOUND, "places above the tambon", hub);
    bulk_place(b, province);
    bulk_place(b, amphoe);
    bulk_place(b, tambon);
    const char *villages[64];
    int nv = 0;
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->places[i].parent, tambon->id) == 0 && nv < 64) {
            bulk_place(b, &w->places[i]);
            villages[nv++] = w->places[i].id;
        }
    for (int p = 0; p < attend; p++)
        check(db_bulk_person(b, w->people[first_person + (size_t)p], NULL,
                             "สมาชิก", NULL), "bulk person", k);
    check(db_bulk_end(&b, "bench_hub"), "bulk end", k);
    long rows = 0;
    for (int m = 0; m < meetings; m++) {
        char title[256], id[DB_UUID_LEN];
        snprintf(title, sizeof title, "วงคุณกิจ %s ครั้งที่ %d", tambon->name,
                 m + 1);
        db_meeting mt = {.circle = m % 2 ? "kit" : "amnuay",
                         .held_on = "2007-03-01",
                         .place_id = nv ? villages[m % nv] : tambon->id,
                         .title = title};
        check(db_begin(k), "begin", k);
        check(db_meeting_add(k, &mt, id), "meeting", k);
        for (int p = 0; p < attend; p++)
            check(db_attendance_add(k, id, w->people[first_person + (size_t)p],
                                    p % 6 ? "present" : "absent", NULL, NULL),
                  "attendance", k);
        check(db_commit(k), "commit", k);
        rows += 1 + attend;
    }
    db_sync_pack_info info;
    check(db_sync_export(k, db_site_id(hub), pack, &info), "export", k);
    db_close(&k);
    return rows;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out) {
        fprintf(stderr, "bench_hub: cannot copy %s to %s\n", from, to);
        exit(1);
    }
    static char buf[1 << 20];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) {
            fprintf(stderr, "bench_hub: writing %s failed\n", to);
            exit(1);
        }
    fclose(in);
    if (fclose(out) != 0)
        exit(1);
}

int main(int argc, char **argv)
{
    int tambons = 165, meetings = 8, attend = 20, c;
    while ((c = getopt(argc, argv, "t:m:a:")) != -1) {
        if (c == 't')
            tambons = atoi(optarg);
        else if (c == 'm')
            meetings = atoi(optarg);
        else if (c == 'a')
            attend = atoi(optarg);
        else
            return 2;
    }
    if (optind != argc - 2 || tambons <= 0 || meetings <= 0 || attend <= 0) {
        fprintf(stderr, "usage: bench_hub [-t T] [-m M] [-a A] HUB DIR\n");
        return 2;
    }
    const char *dir = argv[optind + 1];
    char hp[4096], packs[4200];
    snprintf(hp, sizeof hp, "%s/hub.db", dir);
    snprintf(packs, sizeof packs, "%s/packs", dir);
    remove_db(hp);
    copy_file(argv[optind], hp);
    if (access(packs, F_OK) != 0 && mkdir(packs, 0770) != 0) {
        perror(packs);
        return 1;
    }
    static struct app hub_app;
    db_open_opts o = {.user = "bench"};
    check(db_open(hp, &o, &hub_app.db), hp, NULL);
    tp_db *hub = hub_app.db;
    char err[512];
    check(app_load_screens(&hub_app, NULL, err, sizeof err), err, hub);
    check(db_sync_set_role(hub, "hub", NULL), "role", hub);
    const char *admin[] = {"admin"};
    db_set_roles(hub, admin, 1);
    /* the kiosks' recorder, an administrator the hub knows */
    db_value u[] = {DB_V_TEXT("login", "bench"), DB_V_INT("is_admin", 1)};
    check(db_insert(hub, "app_user", u, 2, NULL), "user", hub);
    struct world w = {.want_people = (size_t)tambons * (size_t)attend};
    w.people = calloc(w.want_people, sizeof *w.people);
    check(w.people ? TP_OK : TP_ERR_NOMEM, "people", hub);
    check(db_query(hub, "places", NULL, 0, take_place, &w), "places", hub);
    check(db_query(hub, "people", NULL, 0, take_person, &w), "people", hub);
    if (w.npeople < w.want_people)
        check(TP_ERR_NOTFOUND, "not enough people in the hub file", hub);
    struct bench_clock t0 = bench_now();
    long rows = 0;
    int made = 0;
    for (size_t i = 0; i < w.n && made < tambons; i++)
        if (strcmp(w.places[i].kind, "tambon") == 0) {
            rows += make_pack(hub, &w, &w.places[i],
                              (size_t)made * (size_t)attend, meetings, attend,
                              dir, made);
            made++;
        }
    struct bench_clock gen = bench_since(t0);
    struct bench_clock first = {0, 0}, all;
    t0 = bench_now();
    size_t applied = 0;
    for (int t = 0; t < made; t++) {
        char pack[4300];
        snprintf(pack, sizeof pack, "%s/t%03d.pack", packs, t);
        db_sync_result r;
        check(db_sync_import(hub, pack, NULL, &r), pack, hub);
        applied += r.applied;
        if (t == 0)
            first = bench_since(t0);
    }
    all = bench_since(t0);
    printf("hub: %d tambon packs, %ld rows (%zu changesets applied): "
           "%.2f s (cpu %.2f) in all; first pack with the hub's backup "
           "%.2f s (cpu %.2f), the other %d %.2f s (cpu %.2f); "
           "making the packs took %.1f s\n",
           made, rows, applied, all.wall, all.cpu, first.wall, first.cpu,
           made - 1, all.wall - first.wall, all.cpu - first.cpu, gen.wall);
    screen_set_free(&hub_app.screens);
    db_close(&hub_app.db);
    free(w.places);
    free(w.people);
    return made == tambons ? 0 : 1;
}
