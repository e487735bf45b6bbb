/* Who may write what, the program's users, and migration 3 on a file that
 * holds data. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_records.h"

static void test_permissions(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    char m[DB_UUID_LEN], p[DB_UUID_LEN];
    db_meeting mt = {.circle = "eua", .held_on = "2005-10-11", .title = "วงคุณเอื้อ"};
    /* nothing registered: free */
    assert_int_equal(db_meeting_add(db, &mt, m), TP_OK);
    assert_int_equal(db_person_add(db, NULL, "ภีม", NULL, p), TP_OK);
    assert_int_equal(db_permit(db, "meeting", "khun_eua"), TP_OK);
    assert_int_equal(db_permit(db, "attendance", "khun_banthuek"), TP_OK);
    assert_int_equal(db_permit(db, "nope", "khun_eua"), TP_ERR_INVALID);
    const char *kit[] = {"khun_kit"};
    db_set_roles(db, kit, 1);
    assert_false(db_may_write(db, "meeting"));
    assert_true(db_may_write(db, "person")); /* not registered */
    assert_int_equal(db_meeting_add(db, &mt, NULL), TP_ERR_PERM);
    db_value v[] = {DB_V_TEXT("title", "x")};
    assert_int_equal(db_update(db, "meeting", m, 1, v, 1), TP_ERR_PERM);
    assert_int_equal(db_tombstone(db, "meeting", m, 1), TP_ERR_PERM);
    assert_int_equal(db_restore(db, "meeting", m, 1), TP_ERR_PERM);
    db_value present[] = {DB_V_TEXT("status", "present")};
    const char *ids[] = {p};
    assert_int_equal(db_multiref_set(db, "attendance", "meeting_id", m, "person_id", ids, 1, present, 1), TP_ERR_PERM);
    int n = -1;
    assert_int_equal(db_meeting_attendees(db, m, &n), TP_OK);
    assert_int_equal(n, 0);
    /* unregistered tables stay free */
    assert_int_equal(db_person_add(db, NULL, "พัช", NULL, NULL), TP_OK);
    db_value note[] = {DB_V_TEXT("title", "บันทึก")};
    assert_int_equal(db_insert(db, "note", note, 1, NULL), TP_OK);
    /* the role that is permitted */
    const char *eua[] = {"khun_kit", "khun_eua"};
    db_set_roles(db, eua, 2);
    assert_true(db_may_write(db, "meeting"));
    assert_int_equal(db_update(db, "meeting", m, 1, v, 1), TP_OK);
    assert_int_equal(db_multiref_set(db, "attendance", "meeting_id", m, "person_id", ids, 1, present, 1), TP_ERR_PERM);
    /* admin writes everything */
    const char *admin[] = {"admin"};
    db_set_roles(db, admin, 1);
    assert_int_equal(db_meeting_add(db, &mt, NULL), TP_OK);
    assert_int_equal(db_multiref_set(db, "attendance", "meeting_id", m, "person_id", ids, 1, present, 1), TP_OK);
    /* no roles at all */
    db_set_roles(db, NULL, 0);
    assert_int_equal(db_tombstone(db, "meeting", m, 2), TP_ERR_PERM);
    db_close(&db);
    tdir_remove(&t);
}

/* ---- users ---------------------------------------------------------------- */

struct users {
    char buf[1024];
    int n;
    bool has_pin;
    char id[DB_UUID_LEN];
};

static void user_fn(void *ctx, const db_user *u)
{
    struct users *c = ctx;
    size_t used = strlen(c->buf);
    snprintf(c->buf + used, sizeof c->buf - used, "%s%s=%s", c->n++ ? "|" : "",
             u->login, u->display_name);
    c->has_pin = u->has_pin;
    snprintf(c->id, sizeof c->id, "%s", u->user_id);
}

static void role_fn(void *ctx, const char *code, const char *th, const char *en)
{
    struct users *c = ctx;
    assert_non_null(th);
    assert_non_null(en);
    size_t used = strlen(c->buf);
    snprintf(c->buf + used, sizeof c->buf - used, "%s%s", c->n++ ? "|" : "", code);
}

static const char *roles_of(tp_db *db, const char *user_id, struct users *c)
{
    char id[DB_UUID_LEN];
    snprintf(id, sizeof id, "%s", user_id); /* user_id may point into c */
    memset(c, 0, sizeof *c);
    assert_int_equal(db_user_roles(db, id, role_fn, c), TP_OK);
    return c->buf;
}

static tp_db *open_pilot(struct tdir *t)
{
    tdir_make(t);
    db_open_opts o = {.user = "tester"};
    tp_db *db = NULL;
    assert_int_equal(db_open(t->db, &o, &db), TP_OK);
    return db;
}

static void test_pilot_users_and_roles(void **state)
{
    (void)state;
    struct tdir t;
    tp_db *db = open_pilot(&t);
    struct users c = {0};
    assert_int_equal(db_users(db, user_fn, &c), TP_OK);
    /* Thai order of display names; the admin is no person */
    assert_string_equal(c.buf,
        "admin=admin|kriangkrai=คุณเกรียงไกร|tui=น้องตุ้ย|wimon=ผอ.วิมล|"
        "sophon=ผอ.โสภณ คงจังหวัด|wichom=ผู้ว่าฯ วิชม ทองสงค์|chinnawat=ลุงชินวัฒน์");
    memset(&c, 0, sizeof c);
    assert_int_equal(db_user_by_login(db, "tui", user_fn, &c), TP_OK);
    assert_int_equal(c.n, 1);
    assert_false(c.has_pin);
    assert_string_equal(roles_of(db, c.id, &c), "khun_prasan");
    memset(&c, 0, sizeof c);
    assert_int_equal(db_user_by_login(db, "admin", user_fn, &c), TP_OK);
    assert_string_equal(roles_of(db, c.id, &c), "admin");
    memset(&c, 0, sizeof c);
    assert_int_equal(db_user_by_login(db, "wichom", user_fn, &c), TP_OK);
    char wichom[DB_UUID_LEN];
    memcpy(wichom, c.id, sizeof wichom);
    assert_string_equal(roles_of(db, wichom, &c), "khun_eua");
    assert_int_equal(db_user_by_login(db, "nobody", user_fn, &c), TP_ERR_NOTFOUND);
    assert_int_equal(db_user_roles(db, "nope", role_fn, &c), TP_ERR_NOTFOUND);

    /* a role held only for a past period does not count today */
    db_value past[] = {DB_V_TEXT("person_id", "00000003-0000-4000-8000-000000000001"),
                       DB_V_TEXT("role_code", "khun_kit"),
                       DB_V_TEXT("valid_from", "2005-01-01"),
                       DB_V_TEXT("valid_to", "2006-12-31")};
    assert_int_equal(db_insert(db, "role_assignment", past, 4, NULL), TP_OK);
    db_value now[] = {DB_V_TEXT("person_id", "00000003-0000-4000-8000-000000000001"),
                      DB_V_TEXT("role_code", "khun_amnuay_chumchon"),
                      DB_V_TEXT("valid_from", "2005-01-01")};
    assert_int_equal(db_insert(db, "role_assignment", now, 3, NULL), TP_OK);
    assert_string_equal(roles_of(db, wichom, &c), "khun_eua|khun_amnuay_chumchon");

    /* by machine account */
    db_value os[] = {DB_V_TEXT("os_user", "kmoffice")};
    assert_int_equal(db_update(db, "app_user", wichom, 1, os, 1), TP_OK);
    memset(&c, 0, sizeof c);
    assert_int_equal(db_user_by_os_user(db, "kmoffice", user_fn, &c), TP_OK);
    assert_string_equal(c.id, wichom);
    assert_int_equal(db_user_by_os_user(db, "other", user_fn, &c), TP_ERR_NOTFOUND);
    db_close(&db);
    tdir_remove(&t);
}

/* The pilot uses the columns migration 3 added (docs/PILOT-DATA.md). */
static void test_pilot_amendments(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tp_db *db = open_pilot(&t);
    db_close(&db);
    assert_int_equal(shell_int(t.db, "SELECT reported_count FROM meeting WHERE held_on = '2005-10-11'"), 14);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM meeting WHERE status = 'planned' "
                                     "AND held_on IN ('2005-10-15', '2005-12-02')"), 2);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM meeting WHERE status = 'held'"), 5);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM agency WHERE full_name IS NULL"), 8);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM agency WHERE full_name = short_name"), 0);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM person WHERE position = 'ผู้ว่าราชการจังหวัดนครศรีธรรมราช'"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM lesson WHERE source_note IS NULL"), 0);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM attendance WHERE note IS NULL"), 0);
    /* a user for every person with a role, and the admin */
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM (SELECT DISTINCT person_id FROM role_assignment) r "
                                     "LEFT JOIN app_user u ON u.person_id = r.person_id WHERE u.id IS NULL"), 0);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM app_user WHERE is_admin = 1 AND login = 'admin'"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM app_user WHERE pin_hash IS NOT NULL"), 0);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    tdir_remove(&t);
}

static void test_pin_and_failures(void **state)
{
    (void)state;
    struct tdir t;
    tp_db *db = open_pilot(&t);
    struct users c = {0};
    assert_int_equal(db_user_by_login(db, "tui", user_fn, &c), TP_OK);
    char id[DB_UUID_LEN];
    memcpy(id, c.id, sizeof id);
    char *h = NULL;
    assert_int_equal(db_user_pin_hash(db, id, &h), TP_OK);
    assert_null(h);
    const char *hash = "$y$j9T$abcdefgh$0123456789";
    assert_int_equal(db_user_set_pin_hash(db, id, hash), TP_OK);
    assert_int_equal(db_user_pin_hash(db, id, &h), TP_OK);
    assert_string_equal(h, hash);
    free(h);
    memset(&c, 0, sizeof c);
    assert_int_equal(db_user_by_login(db, "tui", user_fn, &c), TP_OK);
    assert_true(c.has_pin);
    long long ver = 0;
    bool deleted = true;
    assert_int_equal(db_row_version(db, "app_user", id, &ver, &deleted), TP_OK);
    assert_int_equal(ver, 2);
    long long audits = 0;
    assert_int_equal(db_audit_count(db, "app_user", id, &audits), TP_OK);
    assert_int_equal(audits, 1);
    assert_int_equal(db_user_set_pin_hash(db, "nope", hash), TP_ERR_NOTFOUND);

    int n = -1;
    char at[32];
    assert_int_equal(db_user_failures(db, id, &n, at), TP_OK);
    assert_int_equal(n, 0);
    assert_string_equal(at, "");
    assert_int_equal(db_user_record_failure(db, id, true, NULL), TP_OK);
    assert_int_equal(db_user_record_failure(db, id, true, NULL), TP_OK);
    assert_int_equal(db_user_failures(db, id, &n, at), TP_OK);
    assert_int_equal(n, 2);
    assert_int_equal(strlen(at), 24);
    assert_int_equal(db_user_record_failure(db, id, false, NULL), TP_OK);
    assert_int_equal(db_user_failures(db, id, &n, at), TP_OK);
    assert_int_equal(n, 0);
    assert_string_equal(at, "");
    assert_int_equal(db_user_record_failure(db, "nope", true, NULL), TP_ERR_NOTFOUND);
    /* clearing the PIN */
    assert_int_equal(db_user_set_pin_hash(db, id, NULL), TP_OK);
    assert_int_equal(db_user_pin_hash(db, id, &h), TP_OK);
    assert_null(h);
    db_close(&db);
    if (have_shell())
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM audit_log "
                                         "WHERE instr(coalesce(new_json, '') || coalesce(old_json, ''), '$y$') > 0"), 0);
    tdir_remove(&t);
}

/* ---- migration 2 -> 3 ------------------------------------------------------ */

static void test_migrate_002_keeps_data(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    assert_int_equal(db_create_at_version(t.db, 2), TP_OK);
    /* rows that refer to agency from several tables */
    assert_int_equal(shell(t.db,
        "INSERT INTO agency (id, site_id, short_name, full_name, is_core_nine) VALUES "
        " ('00000002-0000-4000-8000-000000000001', (SELECT id FROM site), 'พช.', 'พช.', 1),"
        " ('00000002-0000-4000-8000-000000000002', (SELECT id FROM site), 'เกษตร', 'สำนักงานเกษตรจังหวัด', 1);"
        "UPDATE agency SET deleted_at = '2006-01-01T00:00:00.000Z', version = 3 WHERE short_name = 'พช.';"
        "INSERT INTO person (id, site_id, name, agency_id) VALUES "
        " ('00000003-0000-4000-8000-000000000001', (SELECT id FROM site), 'เกรียงไกร', '00000002-0000-4000-8000-000000000002');"
        "INSERT INTO role_assignment (site_id, person_id, role_code, agency_id) VALUES "
        " ((SELECT id FROM site), '00000003-0000-4000-8000-000000000001', 'khun_prasan', '00000002-0000-4000-8000-000000000002');"
        "INSERT INTO support_commitment (site_id, agency_id, kind, amount, unit) VALUES "
        " ((SELECT id FROM site), '00000002-0000-4000-8000-000000000001', 'budget', 5000, 'บาท');"
        "INSERT INTO meeting (site_id, circle, held_on, title) VALUES ((SELECT id FROM site), 'eua', '2005-10-11', 'วง');"), 0);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    assert_int_equal(db_check(db, NULL, NULL), TP_OK);
    db_close(&db);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM agency"), 2);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM agency WHERE short_name = 'พช.' "
                                     "AND version = 3 AND deleted_at IS NOT NULL AND is_core_nine = 1"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM agency WHERE full_name = 'สำนักงานเกษตรจังหวัด'"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM person p JOIN agency a ON a.id = p.agency_id"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM role_assignment r JOIN agency a ON a.id = r.agency_id"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM support_commitment s JOIN agency a ON a.id = s.agency_id"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM meeting WHERE status = 'held' AND reported_count IS NULL"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM sqlite_schema WHERE name = 'agency_no_delete'"), 1);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%agency_new%'"), 0);

    /* references are enforced again, the trigger holds, full_name may be NULL */
    db = open_new(t.db);
    assert_non_null(db);
    assert_int_equal(db_person_add(db, NULL, "x", "00000002-0000-4000-8000-00000000dead", NULL), TP_ERR_CONSTRAINT);
    char a[DB_UUID_LEN];
    assert_int_equal(db_agency_add(db, "ธอส.", NULL, true, a), TP_OK);
    assert_int_equal(db_person_add(db, NULL, "y", a, NULL), TP_OK);
    db_close(&db);
    assert_int_not_equal(shell(t.db, "DELETE FROM agency;"), 0);
    tdir_remove(&t);
}

static void test_db_check_without_callback(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    assert_int_equal(db_check(db, NULL, NULL), TP_OK);
    db_close(&db);
    if (have_shell()) {
        /* a broken reference made with the shell (no foreign keys there) */
        assert_int_equal(shell(t.db, "INSERT INTO person (site_id, name, agency_id) VALUES "
                                     "((SELECT id FROM site), 'x', '00000002-0000-4000-8000-00000000dead');"), 0);
        db = open_new(t.db);
        assert_non_null(db);
        assert_int_equal(db_check(db, NULL, NULL), TP_ERR_CONSTRAINT);
        db_close(&db);
    }
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_permissions),
        cmocka_unit_test(test_pilot_users_and_roles),
        cmocka_unit_test(test_pilot_amendments),
        cmocka_unit_test(test_pin_and_failures),
        cmocka_unit_test(test_migrate_002_keeps_data),
        cmocka_unit_test(test_db_check_without_callback),
    };
    return cmocka_run_group_tests_name("db_access", tests, NULL, NULL);
}
