/* Who may change what through a sync pack: the hub and a kiosk load the
 * screen files (which register the writers of each table), and packs made
 * by a kiosk whose program was tampered with are refused whole, naming the
 * table, the row and the author. Legitimate packs go through. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* The crafted packs below are made with SQLite's session extension
 * directly, as someone writing a pack by hand would. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

#include "db_test_util.h"
#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/db_sync.h"

#define HUB 0
#define KIOSK 1

struct world {
    struct tdir t;
    struct app a[2];
    int packs;
};

static void as_user(struct world *w, int site, const char *login,
                    const char *role)
{
    db_set_user(w->a[site].db, login);
    const char *roles[] = {role};
    db_set_roles(w->a[site].db, roles, 1);
}

static void world_make(struct world *w)
{
    memset(w, 0, sizeof *w);
    tdir_make(&w->t);
    for (int i = 0; i < 2; i++) {
        char *p = tdir_path(&w->t, i == HUB ? "hub.db" : "kiosk.db");
        db_open_opts o = {.user = "admin"};
        assert_int_equal(db_open(p, &o, &w->a[i].db), TP_OK);
        free(p);
        char err[512];
        assert_int_equal(app_load_screens(&w->a[i], NULL, err, sizeof err),
                         TP_OK);
        as_user(w, i, "admin", "admin");
    }
    tp_db *hub = w->a[HUB].db, *kiosk = w->a[KIOSK].db;
    assert_int_equal(db_sync_set_role(hub, "hub", NULL), TP_OK);
    assert_int_equal(db_sync_set_role(kiosk, "kiosk", "T1"), TP_OK);
    assert_int_equal(db_sync_add_site(hub, db_site_id(kiosk), "kiosk",
                                      "kiosk", "T1"), TP_OK);
    assert_int_equal(db_sync_add_site(kiosk, db_site_id(hub), "hub", "hub",
                                      NULL), TP_OK);
}

static void world_free(struct world *w)
{
    for (int i = 0; i < 2; i++) {
        screen_set_free(&w->a[i].screens);
        db_close(&w->a[i].db);
    }
    tdir_remove(&w->t);
}

static char *export(struct world *w, int from, int to)
{
    char name[32];
    snprintf(name, sizeof name, "p%d.pack", w->packs++);
    char *p = tdir_path(&w->t, name);
    db_sync_pack_info info;
    assert_int_equal(db_sync_export(w->a[from].db,
                                    db_site_id(w->a[to].db), p, &info),
                     TP_OK);
    return p;
}

static void swap(struct world *w, int from, int to)
{
    char *p = export(w, from, to);
    db_sync_result r;
    tp_status s = db_sync_import(w->a[to].db, p, NULL, &r);
    if (s != TP_OK)
        fail_msg("import: %s (%d, %d) %s", tp_status_name(s), (int)r.refusal,
                 (int)r.denial, db_last_error(w->a[to].db));
    free(p);
}

static long long count(tp_db *db, const char *table)
{
    long long n = -1;
    assert_int_equal(db_count_live(db, table, &n), TP_OK);
    return n;
}

static void user_id(void *ctx, const db_user *u)
{
    snprintf(ctx, DB_UUID_LEN, "%s", u->user_id);
}

/* The hub's administrator introduces a คุณกิจ: a person, the role and a
 * login; the kiosk takes the hub's reference data. */
static void add_kit_user(struct world *w, char person[DB_UUID_LEN])
{
    tp_db *hub = w->a[HUB].db;
    assert_int_equal(db_person_add(hub, "นาย", "สมศักดิ์", NULL, person),
                     TP_OK);
    db_value ra[] = {DB_V_TEXT("person_id", person),
                     DB_V_TEXT("role_code", "khun_kit")};
    assert_int_equal(db_insert(hub, "role_assignment", ra, 2, NULL), TP_OK);
    db_value u[] = {DB_V_TEXT("login", "somsak"),
                    DB_V_TEXT("person_id", person)};
    assert_int_equal(db_insert(hub, "app_user", u, 2, NULL), TP_OK);
}

static void test_hub_reference_accepted(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    char person[DB_UUID_LEN];
    long long people = count(w.a[KIOSK].db, "person");
    long long users = count(w.a[KIOSK].db, "app_user");
    add_kit_user(&w, person);
    swap(&w, HUB, KIOSK);
    assert_int_equal(count(w.a[KIOSK].db, "person"), people + 1);
    assert_int_equal(count(w.a[KIOSK].db, "app_user"), users + 1);
    char id[DB_UUID_LEN] = "";
    assert_int_equal(db_user_by_login(w.a[KIOSK].db, "somsak", user_id, id),
                     TP_OK);
    assert_true(*id);
    world_free(&w);
}

static void test_meeting_from_kiosk_accepted(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    /* ลุงชินวัฒน์ (คุณอำนวย in the pilot) records a circle at the kiosk */
    as_user(&w, KIOSK, "chinnawat", "khun_amnuay");
    db_meeting m = {.circle = "kit", .held_on = "2006-07-01",
                    .title = "วงคุณกิจ ตำบลท่าไร่"};
    char id[DB_UUID_LEN];
    assert_int_equal(db_meeting_add(w.a[KIOSK].db, &m, id), TP_OK);
    swap(&w, KIOSK, HUB);
    long long v = 0;
    bool del = true;
    assert_int_equal(db_row_version(w.a[HUB].db, "meeting", id, &v, &del),
                     TP_OK);
    assert_false(del);
    world_free(&w);
}

/* Imports p into site and expects it refused for why, with nothing
 * changed. */
static void expect_denied(struct world *w, int site, const char *p,
                          db_sync_denial why, const char *table,
                          const char *row, const char *author)
{
    tp_db *db = w->a[site].db;
    long long meetings = count(db, "meeting"), people = count(db, "person");
    db_sync_result r;
    assert_int_equal(db_sync_import(db, p, NULL, &r), TP_ERR_PERM);
    assert_int_equal(r.refusal, SYNC_NOT_PERMITTED);
    assert_int_equal(r.denial, why);
    assert_string_equal(r.table, table);
    if (row)
        assert_string_equal(r.row_id, row);
    if (author)
        assert_string_equal(r.author, author);
    assert_int_equal(count(db, "meeting"), meetings);
    assert_int_equal(count(db, "person"), people);
}

/* A kiosk whose program was changed to let คุณกิจ raise an agency's budget:
 * the hub knows somsak only as คุณกิจ and refuses the whole pack, the
 * meeting recorded with it included. */
static void test_kit_budget_refused(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    char person[DB_UUID_LEN], sc[DB_UUID_LEN];
    add_kit_user(&w, person);
    tp_db *hub = w.a[HUB].db, *kiosk = w.a[KIOSK].db;
    /* ผู้ว่าฯ วิชม (คุณเอื้อ) commits a budget at the hub */
    as_user(&w, HUB, "wichom", "khun_eua");
    db_value c[] = {DB_V_TEXT("agency_id",
                              "00000002-0000-4000-8000-000000000003"),
                    DB_V_TEXT("kind", "budget"), DB_V_REAL("amount", 50000),
                    DB_V_TEXT("unit", "baht")};
    tp_status st = db_insert(hub, "support_commitment", c, 4, sc);
    if (st != TP_OK)
        fail_msg("%s: %s", tp_status_name(st), db_last_error(hub));
    swap(&w, HUB, KIOSK);
    /* The tampered kiosk: somsak acts as if he held every role. */
    as_user(&w, KIOSK, "somsak", "khun_kit");
    long long v;
    bool del;
    assert_int_equal(db_row_version(kiosk, "support_commitment", sc, &v, &del),
                     TP_OK);
    db_value up = DB_V_REAL("amount", 900000);
    assert_int_equal(db_update(kiosk, "support_commitment", sc, v, &up, 1),
                     TP_ERR_PERM); /* the kiosk's own db layer says no */
    as_user(&w, KIOSK, "chinnawat", "khun_amnuay");
    db_meeting m = {.circle = "kit", .held_on = "2006-07-01",
                    .title = "ไปกับงบ"};
    assert_int_equal(db_meeting_add(kiosk, &m, NULL), TP_OK);
    as_user(&w, KIOSK, "somsak", "admin");
    assert_int_equal(db_update(kiosk, "support_commitment", sc, v, &up, 1),
                     TP_OK);
    char *p = export(&w, KIOSK, HUB);
    expect_denied(&w, HUB, p, SYNC_DENY_ROLE, "support_commitment", sc,
                  "somsak");
    /* nothing of it is at the hub: the budget stays, the meeting never came */
    char *out = NULL;
    assert_int_equal(db_ref_label(hub, "support_commitment", "amount", sc,
                                  &out), TP_OK);
    assert_non_null(out);
    assert_int_equal(atof(out), 50000);
    free(out);
    free(p);
    world_free(&w);
}

/* Reference data from a kiosk: refused locally, and refused by the hub
 * when a kiosk's program did not refuse it. */
static void test_kiosk_reference_refused(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    tp_db *kiosk = w.a[KIOSK].db;
    assert_int_equal(db_person_add(kiosk, NULL, "นายดำ", NULL, NULL),
                     TP_ERR_PERM);
    assert_non_null(strstr(db_last_error(kiosk), "hub"));
    /* a kiosk that calls itself a hub */
    assert_int_equal(db_sync_set_role(kiosk, "hub", NULL), TP_OK);
    char person[DB_UUID_LEN];
    assert_int_equal(db_person_add(kiosk, NULL, "นายดำ", NULL, person), TP_OK);
    char *p = export(&w, KIOSK, HUB);
    expect_denied(&w, HUB, p, SYNC_DENY_REFERENCE, "person", person, "admin");
    free(p);
    world_free(&w);
}

/* A user's own PIN set at the kiosk travels to the hub; an
 * administrator's does not. */
static void test_own_pin_accepted(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    char person[DB_UUID_LEN];
    add_kit_user(&w, person);
    swap(&w, HUB, KIOSK);
    tp_db *kiosk = w.a[KIOSK].db;
    const char *admin = "0000000d-0000-4000-8000-000000000100";
    char somsak[DB_UUID_LEN] = "";
    assert_int_equal(db_user_by_login(kiosk, "somsak", user_id, somsak),
                     TP_OK);
    as_user(&w, KIOSK, "somsak", "khun_kit");
    assert_int_equal(db_user_set_pin_hash(kiosk, somsak, "$y$j9T$x$y"),
                     TP_OK);
    swap(&w, KIOSK, HUB);
    as_user(&w, KIOSK, "admin", "admin");
    assert_int_equal(db_user_set_pin_hash(kiosk, admin, "$y$j9T$a$b"), TP_OK);
    char *p = export(&w, KIOSK, HUB);
    expect_denied(&w, HUB, p, SYNC_DENY_PIN, "app_user", admin, "admin");
    free(p);
    world_free(&w);
}

static uint64_t fnv(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
    return h;
}

/* A changeset of what sql does to a copy of the kiosk's file (with the
 * no-delete triggers gone), written as a pack from the kiosk to the hub. */
static char *craft(struct world *w, const char *sql, const char *table)
{
    char copy[160], from[160], p[160];
    snprintf(copy, sizeof copy, "%s/craft.db", w->t.dir);
    snprintf(from, sizeof from, "%s/kiosk.db", w->t.dir);
    snprintf(p, sizeof p, "%s/crafted.pack", w->t.dir);
    sqlite3 *src = NULL, *c = NULL;
    unlink(copy);
    assert_int_equal(sqlite3_open(from, &src), SQLITE_OK);
    char *vac = sqlite3_mprintf("VACUUM INTO %Q", copy);
    assert_int_equal(sqlite3_exec(src, vac, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(vac);
    sqlite3_close(src);
    assert_int_equal(sqlite3_open(copy, &c), SQLITE_OK);
    assert_int_equal(sqlite3_exec(c, "DROP TRIGGER IF EXISTS meeting_no_delete",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_session *ses = NULL;
    assert_int_equal(sqlite3session_create(c, "main", &ses), SQLITE_OK);
    assert_int_equal(sqlite3session_attach(ses, table), SQLITE_OK);
    assert_int_equal(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK);
    int n = 0;
    void *cs = NULL;
    assert_int_equal(sqlite3session_changeset(ses, &n, &cs), SQLITE_OK);
    assert_true(n > 0);
    sqlite3session_delete(ses);
    sqlite3_close(c);
    size_t cap = (size_t)n + 1024, at = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    at += (size_t)snprintf(buf, cap,
                           "TAPIAN-SYNC-PACK 1\nfrom %s\nto %s\nschema %d\n"
                           "first 1\nlast 1\nack 0\nsites 0\nentries 1\n"
                           "1 %s rec %d\n", db_site_id(w->a[KIOSK].db),
                           db_site_id(w->a[HUB].db), db_schema_latest(),
                           db_site_id(w->a[KIOSK].db), n);
    memcpy(buf + at, cs, (size_t)n);
    at += (size_t)n;
    buf[at++] = '\n';
    at += (size_t)snprintf(buf + at, cap - at, "fnv1a64 %016llx\n",
                           (unsigned long long)fnv(buf, at));
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, at, f), at);
    fclose(f);
    sqlite3_free(cs);
    free(buf);
    return strdup(p);
}

/* Hand-made packs: a change to the hub's settings, a meeting deleted. */
static void test_crafted_packs_refused(void **state)
{
    (void)state;
    struct world w;
    world_make(&w);
    char *p = craft(&w, "UPDATE setting SET value = 'x' WHERE key = "
                        "'sync_tambon'", "setting");
    expect_denied(&w, HUB, p, SYNC_DENY_TABLE, "setting", NULL, NULL);
    free(p);
    p = craft(&w, "DELETE FROM meeting WHERE id = "
                  "'00000006-0000-4000-8000-000020051011'", "meeting");
    expect_denied(&w, HUB, p, SYNC_DENY_DELETE, "meeting",
                  "00000006-0000-4000-8000-000020051011", NULL);
    free(p);
    long long v;
    bool del = true;
    assert_int_equal(db_row_version(w.a[HUB].db, "meeting",
                                    "00000006-0000-4000-8000-000020051011",
                                    &v, &del), TP_OK);
    assert_false(del);
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hub_reference_accepted),
        cmocka_unit_test(test_meeting_from_kiosk_accepted),
        cmocka_unit_test(test_kit_budget_refused),
        cmocka_unit_test(test_kiosk_reference_refused),
        cmocka_unit_test(test_own_pin_accepted),
        cmocka_unit_test(test_crafted_packs_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
