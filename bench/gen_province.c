/* gen_province — makes a province-scale tapian database for the benchmarks
 * (issue #3 §4): 23 amphoe, 165 tambons, 1,600 villages, 8,000 finance
 * groups, 40,000 people, 100,000 meetings, 2,000,000 attendance rows,
 * 9,600 six-step rows and 100,000 knowledge assets of Thai text sampled from
 * the programme's documents.
 *
 *   gen_province [-s SEEDDIR] [PATH]      (PATH default build/bench/province.db)
 *
 * Deterministic: a fixed-seed PRNG makes every id, name and number, so two
 * runs give the same data (only the file's own site id differs). Everything
 * goes through the db module (db_open, db_bulk_*). The file is written
 * beside PATH and renamed into place when complete; an existing PATH made by
 * the same generator version is kept: with the same schema as it is, with
 * an earlier schema version too, as opening it migrates it (which is how a
 * real file is upgraded, so the benchmarks then exercise the migration's
 * backfill at province scale). A file of the same schema version but other
 * schema text (a migration edited in place) is made again. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gen_text.h"
#include "tapian/db.h"
#include "tapian/db_bulk.h"
#include "tapian/embedded.h"

/* Bump when the data changes; the cache check compares it. */
#define GEN_VERSION 5
#define SEED 0x7461706961ULL /* "tapia" */

#define N_AMPHOE 23
#define N_TAMBON 165
#define N_VILLAGE 1600
#define GROUPS_PER_VILLAGE 5
#define PEOPLE_PER_GROUP 5
#define N_GROUP (N_VILLAGE * GROUPS_PER_VILLAGE)
#define N_PERSON (N_GROUP * PEOPLE_PER_GROUP)
#define N_MEETING 100000
#define N_ATTENDANCE 2000000
#define ATTEND_MEAN (N_ATTENDANCE / N_MEETING)
#define N_ASSET 100000
#define STAMP "2008-12-31T00:00:00.000Z"

typedef char uuid[37];

/* The 23 amphoe of Nakhon Si Thammarat. */
static const char *const amphoe_names[N_AMPHOE] = {
    "เมืองนครศรีธรรมราช", "พรหมคีรี", "ลานสกา", "ฉวาง", "พิปูน", "เชียรใหญ่",
    "ชะอวด", "ท่าศาลา", "ทุ่งสง", "นาบอน", "ทุ่งใหญ่", "ปากพนัง",
    "ร่อนพิบูลย์", "สิชล", "ขนอม", "หัวไทร", "บางขัน", "ถ้ำพรรณรา",
    "จุฬาภรณ์", "พระพรหม", "นบพิตำ", "ช้างกลาง", "เฉลิมพระเกียรติ",
};

/* The pilot tambons, all in อำเภอเมือง (the first amphoe). */
static const char *const pilot_tambons[] = {"ท่าไร่", "มะม่วงสองต้น", "บางจาก"};
#define N_PILOT 3

static const struct {
    const char *code, *label;
    int weight;      /* share of meetings, percent */
    int came_pct;    /* chance that a listed person came */
} circles[] = {
    {"kit", "วงเรียนรู้คุณกิจ", 35, 82},
    {"amnuay", "วงเรียนรู้คุณอำนวย", 20, 88},
    {"eua", "วงเรียนรู้คุณเอื้อ", 8, 55}, /* weak attendance (seed 003) */
    {"mixed", "วงเรียนรู้ร่วม", 10, 78},
    {"tambon_network", "ประชุมเครือข่ายตำบล", 12, 80},
    {"field_stage", "เวทีลงพื้นที่", 10, 75},
    {"knowledge_fair", "ตลาดนัดความรู้", 5, 70},
};
#define N_CIRCLE ((int)(sizeof circles / sizeof circles[0]))

static const char *const group_types[GROUPS_PER_VILLAGE][2] = {
    {"village_fund", "กองทุนหมู่บ้าน"},
    {"production_savings", "กลุ่มออมทรัพย์เพื่อการผลิต"},
    {"sajja_savings", "กลุ่มสัจจะออมทรัพย์"},
    {"welfare_fund", "กองทุนสวัสดิการ"},
    {"other", "กลุ่มอาชีพ"},
};

struct province {
    gen_rng rng;
    gen_seeds seeds;
    db_bulk *bulk;
    uuid tambon[N_TAMBON];
    char tambon_name[N_TAMBON][128];
    int village_first[N_TAMBON + 1]; /* villages of tambon t: [first[t], first[t+1]) */
    uuid village[N_VILLAGE];
    char village_wave[N_VILLAGE][8];
    uuid group[N_GROUP];
    uuid person[N_PERSON];       /* person p lives in village p / 25 */
};

#define CHECK(expr)                                                          \
    do {                                                                     \
        tp_status s_ = (expr);                                               \
        if (s_ != TP_OK) {                                                   \
            fprintf(stderr, "gen_province: %s: %s\n", #expr,                 \
                    tp_status_name(s_));                                     \
            return s_;                                                       \
        }                                                                    \
    } while (0)

static tp_status gen_places(struct province *p)
{
    uuid province, amphoe;
    gen_uuid(&p->rng, province);
    CHECK(db_bulk_place(p->bulk, province,
                        &(db_place){.kind = "province", .name = "นครศรีธรรมราช"}));
    int t = 0, v = 0, wave_done = 0;
    for (int a = 0; a < N_AMPHOE; a++) {
        gen_uuid(&p->rng, amphoe);
        CHECK(db_bulk_place(p->bulk, amphoe,
                            &(db_place){.kind = "amphoe", .parent_id = province,
                                        .name = amphoe_names[a]}));
        /* 165 = 23 × 7 + 4: the first four amphoe get an eighth tambon. */
        int tambons = 7 + (a < N_TAMBON - N_AMPHOE * 7);
        for (int k = 0; k < tambons; k++, t++) {
            bool pilot = t < N_PILOT;
            if (pilot)
                snprintf(p->tambon_name[t], sizeof p->tambon_name[t], "%s",
                         pilot_tambons[t]);
            else
                gen_place_name(&p->rng, p->tambon_name[t],
                               sizeof p->tambon_name[t]);
            gen_uuid(&p->rng, p->tambon[t]);
            CHECK(db_bulk_place(p->bulk, p->tambon[t],
                                &(db_place){.kind = "tambon", .parent_id = amphoe,
                                            .name = p->tambon_name[t],
                                            .wave = pilot ? "pilot" : NULL}));
            /* 1,600 = 165 × 9 + 115. */
            int villages = 9 + (t < N_VILLAGE - N_TAMBON * 9);
            p->village_first[t] = v;
            for (int moo = 1; moo <= villages; moo++, v++) {
                /* Waves of the scale-out: 400, then 600, then the rest. */
                const char *wave = pilot ? "pilot"
                                   : wave_done < 400  ? "2549"
                                   : wave_done < 1000 ? "2550"
                                                      : "2551";
                if (!pilot)
                    wave_done++;
                snprintf(p->village_wave[v], sizeof p->village_wave[v], "%s",
                         wave);
                char name[160];
                gen_village_name(&p->rng, name, sizeof name);
                gen_uuid(&p->rng, p->village[v]);
                CHECK(db_bulk_place(p->bulk, p->village[v],
                                    &(db_place){.kind = "village",
                                                .parent_id = p->tambon[t],
                                                .name = name, .moo = moo,
                                                .wave = wave}));
            }
        }
    }
    p->village_first[N_TAMBON] = v;
    return TP_OK;
}

static tp_status gen_groups_people(struct province *p)
{
    char name[256];
    for (int v = 0; v < N_VILLAGE; v++) {
        for (int k = 0; k < GROUPS_PER_VILLAGE; k++) {
            int g = v * GROUPS_PER_VILLAGE + k;
            char vname[160];
            gen_village_name(&p->rng, vname, sizeof vname);
            snprintf(name, sizeof name, "%s%s", group_types[k][1], vname);
            gen_uuid(&p->rng, p->group[g]);
            CHECK(db_bulk_group(p->bulk, p->group[g], group_types[k][0], name,
                                p->village[v]));
        }
        for (int k = 0; k < GROUPS_PER_VILLAGE * PEOPLE_PER_GROUP; k++) {
            int i = v * GROUPS_PER_VILLAGE * PEOPLE_PER_GROUP + k;
            gen_person_name(&p->rng, name, sizeof name);
            gen_uuid(&p->rng, p->person[i]);
            CHECK(db_bulk_person(p->bulk, p->person[i],
                                 gen_person_title(&p->rng), name,
                                 p->village[v]));
        }
    }
    return TP_OK;
}

static int pick_circle(gen_rng *r)
{
    int x = gen_below(r, 100);
    for (int c = 0; c < N_CIRCLE; c++) {
        if (x < circles[c].weight)
            return c;
        x -= circles[c].weight;
    }
    return 0;
}

/* A CE date between 1 Sep 2005 and the end of 2008 (the pilot and the
 * three scale-out years). */
static void pick_date(gen_rng *r, char out[16])
{
    struct tm tm = {.tm_year = 105, .tm_mon = 8, .tm_mday = 1 + gen_below(r, 1217),
                    .tm_hour = 12};
    timegm(&tm); /* normalises the day count into a calendar date */
    snprintf(out, 16, "%04d-%02d-%02d", (tm.tm_year + 1900) % 10000,
             (tm.tm_mon + 1) % 100, tm.tm_mday % 100);
}

static const char *pick_status(gen_rng *r, int came_pct)
{
    int x = gen_below(r, 100);
    if (x < came_pct) {
        int y = gen_below(r, 100);
        return y < 85 ? "present" : y < 95 ? "late" : "representative";
    }
    return gen_below(r, 2) ? "absent" : "excused";
}

/* One meeting and its attendance, inserted together so the tally rows the
 * triggers update stay in the cache. Attendees are distinct people of the
 * tambon's villages (a partial shuffle of the tambon's people). */
static tp_status gen_meeting(struct province *p, int i, int attendees,
                             int *pool)
{
    int t = gen_below(&p->rng, N_TAMBON);
    int v0 = p->village_first[t], nv = p->village_first[t + 1] - v0;
    int c = pick_circle(&p->rng);
    /* Tambon-wide circles meet at the tambon, others in a village. */
    bool at_tambon = circles[c].code[0] != 'k' || gen_below(&p->rng, 4) == 0;
    char held_on[16], title[320], purpose[200];
    pick_date(&p->rng, held_on);
    snprintf(title, sizeof title, "%s ต.%s ครั้งที่ %d", circles[c].label,
             p->tambon_name[t], 1 + i / N_TAMBON);
    gen_seed_phrase(&p->seeds, &p->rng, purpose, sizeof purpose);
    uuid id;
    gen_uuid(&p->rng, id);
    db_meeting m = {
        .circle = circles[c].code,
        .held_on = held_on,
        .place_id = at_tambon ? p->tambon[t] : p->village[v0 + gen_below(&p->rng, nv)],
        .title = title,
        .purpose = purpose,
    };
    CHECK(db_bulk_meeting(p->bulk, id, &m));
    int per_village = GROUPS_PER_VILLAGE * PEOPLE_PER_GROUP;
    int n = nv * per_village;
    for (int k = 0; k < n; k++)
        pool[k] = v0 * per_village + k;
    if (attendees > n)
        attendees = n;
    for (int k = 0; k < attendees; k++) {
        int j = k + gen_below(&p->rng, n - k);
        int tmp = pool[k];
        pool[k] = pool[j];
        pool[j] = tmp;
        uuid aid;
        gen_uuid(&p->rng, aid);
        CHECK(db_bulk_attendance(p->bulk, aid, id, p->person[pool[k]],
                                 pick_status(&p->rng, circles[c].came_pct)));
    }
    return TP_OK;
}

static tp_status gen_meetings(struct province *p)
{
    /* Room for the people of the largest tambon (10 villages). */
    static int pool[10 * GROUPS_PER_VILLAGE * PEOPLE_PER_GROUP];
    for (int i = 0; i < N_MEETING; i += 2) {
        /* Pairs of meetings share 2 × the mean, so the total is exact. */
        int d = gen_below(&p->rng, ATTEND_MEAN / 2 + 1);
        CHECK(gen_meeting(p, i, ATTEND_MEAN + d, pool));
        CHECK(gen_meeting(p, i + 1, ATTEND_MEAN - d, pool));
    }
    return TP_OK;
}

/* Earlier waves are further along the six steps. */
static tp_status gen_six_steps(struct province *p)
{
    for (int v = 0; v < N_VILLAGE; v++) {
        const char *w = p->village_wave[v];
        int base = w[0] == 'p' ? 3 : strcmp(w, "2549") == 0 ? 2
                                   : strcmp(w, "2550") == 0 ? 1 : 0;
        int reached = base + gen_below(&p->rng, 3);
        for (int step = 1; step <= 6; step++) {
            const char *status = step <= reached ? "reached"
                                 : step == reached + 1 ? "in_progress"
                                                       : "not_started";
            char on[16];
            pick_date(&p->rng, on);
            uuid id;
            gen_uuid(&p->rng, id);
            CHECK(db_bulk_six_step(p->bulk, id, p->village[v], step, status,
                                   step <= reached ? on : NULL));
        }
    }
    return TP_OK;
}

static tp_status gen_assets(struct province *p)
{
    static const char *const topics[] = {"finance", "finance", "finance",
                                         "natural_resources", "environment",
                                         "other"};
    char title[200], story[1600];
    for (int i = 0; i < N_ASSET; i++) {
        gen_seed_phrase(&p->seeds, &p->rng, title, sizeof title);
        gen_seed_passage(&p->seeds, &p->rng, story, sizeof story);
        uuid id;
        gen_uuid(&p->rng, id);
        CHECK(db_bulk_asset(p->bulk, id, title, story,
                            topics[gen_below(&p->rng, 6)],
                            p->group[gen_below(&p->rng, N_GROUP)]));
    }
    return TP_OK;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static tp_status generate(struct province *p, const char *path,
                          const char *version)
{
    db_open_opts o = {.no_pilot_data = true, .user = "gen_province"};
    tp_db *db;
    tp_status s = db_open(path, &o, &db);
    if (s != TP_OK) {
        fprintf(stderr, "gen_province: %s: %s (%s)\n", path,
                tp_status_name(s), db_open_error());
        return s;
    }
    s = db_bulk_begin(db, STAMP, &p->bulk);
    double t0 = now_s();
    static const struct {
        const char *what;
        tp_status (*fn)(struct province *);
    } steps[] = {
        {"places", gen_places},
        {"groups and people", gen_groups_people},
        {"meetings and attendance", gen_meetings},
        {"six steps", gen_six_steps},
        {"knowledge assets", gen_assets},
    };
    for (size_t i = 0; s == TP_OK && i < sizeof steps / sizeof steps[0]; i++) {
        s = steps[i].fn(p);
        fprintf(stderr, "  %-24s %6.1f s\n", steps[i].what, now_s() - t0);
    }
    if (s == TP_OK) {
        s = db_bulk_end(&p->bulk, version);
        fprintf(stderr, "  %-24s %6.1f s\n", "commit and analyze", now_s() - t0);
    }
    if (s != TP_OK) {
        fprintf(stderr, "gen_province: %s\n", db_last_error(db));
        db_bulk_abort(&p->bulk);
    }
    db_close(&db);
    return s;
}

/* FNV-1a over the compiled-in SQL, so that any schema change (a trigger or
 * an index edited in place, not only a new migration) makes a new file. */
static uint32_t schema_hash(void)
{
    uint32_t h = 2166136261u;
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        for (size_t i = 0; i < f->size; i++)
            h = (h ^ (unsigned char)f->data[i]) * 16777619u;
    return h;
}

/* True when path holds a complete file of this generator that the program
 * can use: the same schema, or an earlier schema version (migrated when it
 * is opened). version is "gen_province G schema V/H". */
static bool up_to_date(const char *path, const char *version)
{
    if (access(path, F_OK) != 0)
        return false;
    db_open_opts o = {.read_only = true};
    tp_db *db;
    tp_status s = db_open(path, &o, &db);
    if (s == TP_ERR_READONLY) {
        /* an earlier schema: opened for writing, it is migrated now */
        printf("%s: migrating to schema %d\n", path, db_schema_latest());
        fflush(stdout);
        s = db_open(path, NULL, &db);
    }
    if (s != TP_OK)
        return false;
    char have[64] = "";
    bool ok = db_bulk_generator(db, have, sizeof have) == TP_OK;
    db_close(&db);
    if (!ok)
        return false;
    if (strcmp(have, version) == 0)
        return true;
    int gen_have, schema_have, gen_now, schema_now;
    if (sscanf(have, "gen_province %d schema %d/", &gen_have,
               &schema_have) != 2 ||
        sscanf(version, "gen_province %d schema %d/", &gen_now,
               &schema_now) != 2)
        return false;
    if (gen_have == gen_now && schema_have < schema_now) {
        printf("%s: generated for schema %d, now %d\n", path, schema_have,
               schema_now);
        return true;
    }
    return false;
}

static void remove_with_sidecars(const char *path)
{
    static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
    char buf[4200];
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        snprintf(buf, sizeof buf, "%s%s", path, ext[i]);
        unlink(buf);
    }
}

static int mkdir_parents(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *s = buf + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        *s = '/';
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *seed_dir = "bench/seeds", *path = "build/bench/province.db";
    int opt;
    while ((opt = getopt(argc, argv, "s:")) != -1) {
        if (opt == 's') {
            seed_dir = optarg;
        } else {
            fprintf(stderr, "usage: gen_province [-s SEEDDIR] [PATH]\n");
            return 2;
        }
    }
    if (optind < argc)
        path = argv[optind];
    if (strlen(path) > 4000) {
        fprintf(stderr, "gen_province: path too long\n");
        return 2;
    }
    char version[64];
    snprintf(version, sizeof version, "gen_province %d schema %d/%08x",
             GEN_VERSION, db_schema_latest(), (unsigned)schema_hash());
    if (up_to_date(path, version)) {
        printf("%s is up to date (%s)\n", path, version);
        return 0;
    }
    if (mkdir_parents(path) != 0) {
        perror(path);
        return 1;
    }
    struct province *p = calloc(1, sizeof *p);
    if (!p || gen_seeds_load(&p->seeds, seed_dir) != 0) {
        free(p);
        return 1;
    }
    p->rng.s = SEED;
    char tmp[4100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    remove_with_sidecars(tmp);
    printf("generating %s (%s)\n", path, version);
    double t0 = now_s();
    tp_status s = generate(p, tmp, version);
    gen_seeds_free(&p->seeds);
    free(p);
    if (s != TP_OK) {
        remove_with_sidecars(tmp);
        return 1;
    }
    remove_with_sidecars(path);
    if (rename(tmp, path) != 0) {
        perror(path);
        return 1;
    }
    printf("generated %s in %.1f s\n", path, now_s() - t0);
    return 0;
}
