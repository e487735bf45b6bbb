/* Sync: three kiosks and a hub, each its own file made from the pilot data,
 * edit in turn and swap packs in every order, with duplicates and lost
 * packs; in the end all four hold the same records. Damaged, newer and
 * strangers' packs are refused with nothing changed. */
#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_sync.h"

#define NS 4 /* 0 = hub, 1..3 = kiosks of one tambon */

struct world {
    struct tdir t;
    tp_db *db[NS];
    char id[NS][40];
    int packs;
};

static void world_make(struct world *w)
{
    tdir_make(&w->t);
    w->packs = 0;
    for (int i = 0; i < NS; i++) {
        char name[16];
        snprintf(name, sizeof name, "s%d.db", i);
        char *p = tdir_path(&w->t, name);
        db_open_opts o = {.user = "ทดสอบ"};
        assert_int_equal(db_open(p, &o, &w->db[i]), TP_OK);
        free(p);
        snprintf(w->id[i], sizeof w->id[i], "%s", db_site_id(w->db[i]));
    }
    assert_int_equal(db_sync_set_role(w->db[0], "hub", NULL), TP_OK);
    for (int k = 1; k < NS; k++) {
        assert_int_equal(db_sync_set_role(w->db[k], "kiosk", "T1"), TP_OK);
        assert_int_equal(db_sync_add_site(w->db[0], w->id[k], "kiosk",
                                          "kiosk", "T1"), TP_OK);
        assert_int_equal(db_sync_add_site(w->db[k], w->id[0], "hub", "hub",
                                          NULL), TP_OK);
    }
}

static void world_free(struct world *w)
{
    for (int i = 0; i < NS; i++)
        db_close(&w->db[i]);
    tdir_remove(&w->t);
}

/* Exports from a to b; returns the pack's path (caller frees). */
static char *pack(struct world *w, int a, int b)
{
    char name[32];
    snprintf(name, sizeof name, "p%d-%d-%d.pack", w->packs++, a, b);
    char *p = tdir_path(&w->t, name);
    db_sync_pack_info info;
    assert_int_equal(db_sync_export(w->db[a], w->id[b], p, &info), TP_OK);
    assert_string_equal(info.from, w->id[a]);
    return p;
}

static void take(struct world *w, int b, const char *p)
{
    db_sync_result r;
    tp_status s = db_sync_import(w->db[b], p, NULL, &r);
    if (s != TP_OK)
        fail_msg("import into %d: %s (%d) %s", b, tp_status_name(s),
                 (int)r.refusal, db_last_error(w->db[b]));
}

static void swap(struct world *w, int a, int b)
{
    char *p = pack(w, a, b);
    take(w, b, p);
    free(p);
}

struct dump {
    char *s;
    size_t n;
};

/* Untouched pilot rows, and the competences migration 8 puts in every
 * file, differ only in when (and on which site) each file was made; they
 * are left out, everything else is compared whole. */
static void dump_line(void *ctx, const char *line)
{
    struct dump *d = ctx;
    if (strstr(line, ",\"pilot\",1,null,"))
        return;
    if (strncmp(line, "competence|", 11) == 0 &&
        strstr(line, ",\"system\",1,null,"))
        return;
    size_t l = strlen(line);
    d->s = realloc(d->s, d->n + l + 2);
    assert_non_null(d->s);
    memcpy(d->s + d->n, line, l);
    d->s[d->n + l] = '\n';
    d->n += l + 1;
    d->s[d->n] = '\0';
}

static char *dump(tp_db *db)
{
    struct dump d = {0};
    assert_int_equal(db_sync_dump(db, dump_line, &d), TP_OK);
    return d.s ? d.s : strdup("");
}

static bool count_row(void *ctx, int n, const char *const *cols)
{
    (void)n, (void)cols;
    ++*(int *)ctx;
    return true;
}

static int conflicts(tp_db *db)
{
    int n = 0;
    assert_int_equal(db_sync_conflicts(db, false, count_row, &n), TP_OK);
    return n;
}

/* Everyone through the hub until nothing moves. */
static void settle(struct world *w)
{
    for (int round = 0; round < 3; round++) {
        for (int k = 1; k < NS; k++)
            swap(w, k, 0);
        for (int k = 1; k < NS; k++)
            swap(w, 0, k);
    }
}

static void retitle(tp_db *db, const char *id, const char *title)
{
    long long v;
    bool del;
    assert_int_equal(db_row_version(db, "meeting", id, &v, &del), TP_OK);
    db_value val = DB_V_TEXT("title", title);
    assert_int_equal(db_update(db, "meeting", id, v, &val, 1), TP_OK);
}

static void test_four_sites_converge(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    char m1[DB_UUID_LEN], p2[DB_UUID_LEN], a1[DB_UUID_LEN];
    db_meeting m = {.circle = "kit", .held_on = "2006-07-01",
                    .title = "วงคุณกิจ"};
    assert_int_equal(db_meeting_add(w.db[1], &m, m1), TP_OK);
    /* People are reference data: added at the hub; kiosk 2 adds a
     * meeting of its own. */
    assert_int_equal(db_person_add(w.db[0], "คุณ", "สมศรี", NULL, p2), TP_OK);
    db_meeting m2 = {.circle = "kit", .held_on = "2006-07-02",
                     .title = "วงของตำบล"};
    assert_int_equal(db_meeting_add(w.db[2], &m2, NULL), TP_OK);
    char *lost = pack(&w, 1, 0); /* never arrives */
    char *k2 = pack(&w, 2, 0);
    take(&w, 0, k2);
    take(&w, 0, k2); /* the same pack twice */
    free(k2);
    free(lost);
    swap(&w, 1, 0); /* re-sent: the lost changes come again */
    swap(&w, 0, 3);
    swap(&w, 0, 2);
    swap(&w, 0, 1);
    /* The hub got k1's meeting to k3 and its person to every kiosk. */
    assert_int_equal(db_attendance_add(w.db[3], m1, p2, "present", NULL, a1),
                     TP_OK);
    /* The same meeting changed on two kiosks and the hub. */
    retitle(w.db[1], m1, "วงคุณกิจ ครั้งที่ 1");
    retitle(w.db[2], m1, "วงคุณกิจ (แก้)");
    retitle(w.db[2], m1, "วงคุณกิจ (แก้ 2)");
    retitle(w.db[0], m1, "วงคุณกิจ ที่อำเภอ");
    /* Packs out of order: the later one first, then the earlier. */
    char *first = pack(&w, 3, 0);
    db_meeting m3 = {.circle = "kit", .held_on = "2006-07-03",
                     .title = "ลุงเคียง"};
    assert_int_equal(db_meeting_add(w.db[3], &m3, NULL), TP_OK);
    char *second = pack(&w, 3, 0);
    take(&w, 0, second);
    take(&w, 0, first);
    free(first);
    free(second);
    swap(&w, 2, 0);
    swap(&w, 0, 1);
    swap(&w, 1, 0);
    settle(&w);
    char *d0 = dump(w.db[0]);
    for (int k = 1; k < NS; k++) {
        char *dk = dump(w.db[k]);
        assert_string_equal(dk, d0);
        free(dk);
    }
    assert_non_null(strstr(d0, "สมศรี"));
    assert_non_null(strstr(d0, "ลุงเคียง"));
    assert_non_null(strstr(d0, a1));
    /* k2 had the highest version: it wins everywhere. */
    assert_non_null(strstr(d0, "วงคุณกิจ (แก้ 2)"));
    free(d0);
    int total = 0;
    for (int i = 0; i < NS; i++)
        total += conflicts(w.db[i]);
    assert_true(total >= 2); /* k1's and the hub's titles were kept */
    int meetings_attended;
    assert_int_equal(db_meeting_attendees(w.db[2], m1, &meetings_attended),
                     TP_OK);
    assert_int_equal(meetings_attended, 1);
    world_free(&w);
}

struct found {
    const char *want;
    long long id;
};

static bool find_conflict(void *ctx, int n, const char *const *cols)
{
    (void)n;
    struct found *f = ctx;
    if (strstr(cols[6], f->want) || strstr(cols[7], f->want))
        f->id = atoll(cols[0]);
    return true;
}

static void test_resolve_takes_other(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    char m1[DB_UUID_LEN];
    db_meeting m = {.circle = "kit", .held_on = "2006-07-01", .title = "ก"};
    assert_int_equal(db_meeting_add(w.db[1], &m, m1), TP_OK);
    swap(&w, 1, 0);
    retitle(w.db[0], m1, "ของศูนย์");
    retitle(w.db[1], m1, "ของตำบล");
    retitle(w.db[1], m1, "ของตำบล 2");
    swap(&w, 1, 0);
    struct found f = {.want = "ของศูนย์", .id = 0};
    assert_int_equal(db_sync_conflicts(w.db[0], true, find_conflict, &f),
                     TP_OK);
    assert_true(f.id > 0);
    assert_int_equal(db_sync_resolve(w.db[0], f.id, true), TP_OK);
    swap(&w, 0, 1);
    char *d0 = dump(w.db[0]), *d1 = dump(w.db[1]);
    assert_string_equal(d0, d1);
    assert_non_null(strstr(d1, "ของศูนย์"));
    free(d0);
    free(d1);
    int open = 0;
    assert_int_equal(db_sync_conflicts(w.db[0], true, count_row, &open), TP_OK);
    assert_int_equal(open, 0);
    world_free(&w);
}

static uint64_t fnv(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
    return h;
}

static void write_file(const char *path, const char *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, n, f), n);
    fclose(f);
}

static void expect_refused(struct world *w, int b, const char *path,
                           db_sync_refusal why)
{
    char *before = dump(w->db[b]);
    db_sync_result r;
    assert_int_not_equal(db_sync_import(w->db[b], path, NULL, &r), TP_OK);
    assert_int_equal(r.refusal, why);
    char *after = dump(w->db[b]);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_bad_packs_refused(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    db_meeting red = {.circle = "kit", .held_on = "2006-07-01",
                      .title = "นายแดง"};
    assert_int_equal(db_meeting_add(w.db[1], &red, NULL), TP_OK);
    char *p = pack(&w, 1, 0);
    size_t n = 0;
    char *buf = slurp(p, &n);
    assert_non_null(buf);
    char *bad = tdir_path(&w.t, "bad.pack");
    /* One byte changed in the middle. */
    buf[n / 2] ^= 0x20;
    write_file(bad, buf, n);
    expect_refused(&w, 0, bad, SYNC_BAD_CHECKSUM);
    buf[n / 2] ^= 0x20;
    /* Cut short. */
    write_file(bad, buf, n - 40);
    expect_refused(&w, 0, bad, SYNC_BAD_FORMAT);
    /* A newer schema, with a checksum that is right. */
    char line[32], newer[32];
    snprintf(line, sizeof line, "schema %d\n", db_schema_latest());
    snprintf(newer, sizeof newer, "schema %d\n", db_schema_latest() + 1);
    char *at = strstr(buf, line);
    assert_non_null(at);
    size_t pre = (size_t)(at - buf), body = n - 25;
    char *nb = malloc(n + 8);
    assert_non_null(nb);
    memcpy(nb, buf, pre);
    memcpy(nb + pre, newer, strlen(newer));
    size_t m = pre + strlen(newer);
    memcpy(nb + m, at + strlen(line), body - pre - strlen(line));
    m += body - pre - strlen(line);
    m += (size_t)sprintf(nb + m, "fnv1a64 %016llx\n",
                         (unsigned long long)fnv(nb, m));
    write_file(bad, nb, m);
    expect_refused(&w, 0, bad, SYNC_NEWER_SCHEMA);
    /* From a site nobody introduced: k1's pack addressed to k2. */
    assert_int_equal(db_sync_add_site(w.db[1], w.id[2], "k2", "kiosk", "T1"),
                     TP_OK);
    char *stranger = pack(&w, 1, 2);
    expect_refused(&w, 2, stranger, SYNC_UNKNOWN_SITE);
    /* Meant for another site. */
    expect_refused(&w, 3, p, SYNC_NOT_FOR_US);
    /* The good pack still goes in. */
    take(&w, 0, p);
    free(stranger);
    free(nb);
    free(buf);
    free(bad);
    free(p);
    world_free(&w);
}

/* The hub forwards records only to kiosks of the maker's tambon; reference
 * data goes to all. */
static void test_routing_by_tambon(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    assert_int_equal(db_sync_add_site(w.db[0], w.id[3], "other", "kiosk",
                                      "T2"), TP_OK);
    db_meeting m = {.circle = "kit", .held_on = "2006-07-01",
                    .title = "เฉพาะตำบล"};
    assert_int_equal(db_meeting_add(w.db[1], &m, NULL), TP_OK);
    assert_int_equal(db_person_add(w.db[0], NULL, "ถึงทุกคน", NULL, NULL),
                     TP_OK);
    swap(&w, 1, 0);
    swap(&w, 0, 2);
    swap(&w, 0, 3);
    char *d2 = dump(w.db[2]), *d3 = dump(w.db[3]);
    assert_non_null(strstr(d2, "เฉพาะตำบล"));
    assert_null(strstr(d3, "เฉพาะตำบล"));
    assert_non_null(strstr(d3, "ถึงทุกคน"));
    free(d2);
    free(d3);
    world_free(&w);
}

/* Rotating "sync" backups of site i's file. */
static int sync_backups(const struct world *w, int i)
{
    char dir[128], prefix[16];
    snprintf(dir, sizeof dir, "%s/backups", w->t.dir);
    snprintf(prefix, sizeof prefix, "s%d.db-", i);
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0 && len > 8 &&
             strcmp(e->d_name + len - 8, "-sync.db") == 0;
    }
    if (d)
        closedir(d);
    return n;
}

/* One backup before each round of packs, not before every pack. */
static void test_backup_per_round(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    db_meeting m = {.circle = "kit", .held_on = "2006-07-01", .title = "ก"};
    assert_int_equal(db_meeting_add(w.db[1], &m, NULL), TP_OK);
    assert_int_equal(db_meeting_add(w.db[2], &m, NULL), TP_OK);
    assert_int_equal(sync_backups(&w, 0), 0);
    swap(&w, 1, 0);
    swap(&w, 2, 0);
    assert_int_equal(sync_backups(&w, 0), 1);
    /* sync watch's turns: a new round only once the backup is an hour old */
    db_sync_new_round(w.db[0], 3600);
    assert_int_equal(db_meeting_add(w.db[1], &m, NULL), TP_OK);
    swap(&w, 1, 0);
    assert_int_equal(sync_backups(&w, 0), 1);
    db_sync_new_round(w.db[0], 0);
    assert_int_equal(db_meeting_add(w.db[1], &m, NULL), TP_OK);
    swap(&w, 1, 0);
    assert_int_equal(sync_backups(&w, 0), 2);
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_sites_converge),
        cmocka_unit_test(test_resolve_takes_other),
        cmocka_unit_test(test_bad_packs_refused),
        cmocka_unit_test(test_routing_by_tambon),
        cmocka_unit_test(test_backup_per_round),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
