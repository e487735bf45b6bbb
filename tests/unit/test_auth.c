/* auth: PIN hashes (round trip, fresh salts, Thai digits, malformed PINs),
 * and the login policy — growing delay, lockout after AUTH_MAX_FAILURES and
 * its expiry, success resets — with the clock passed in, never slept. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"

#include <time.h>

#include "../../src/auth/auth_internal.h"
#include "tapian/db_records.h"

static void test_hash_round_trip(void **state)
{
    (void)state;
    char h[AUTH_HASH_SIZE];
    assert_int_equal(auth_hash_pin("4821", h, sizeof h), TP_OK);
    assert_memory_equal(h, "$y$", 3);
    assert_true(auth_verify_pin("4821", h));
    assert_false(auth_verify_pin("4822", h));
    assert_false(auth_verify_pin("48210", h));
    assert_false(auth_verify_pin("", h));
    assert_false(auth_verify_pin("4821", ""));
    assert_false(auth_verify_pin("4821", "*0"));
    assert_false(auth_verify_pin("4821", NULL));
}

static void test_salts_differ(void **state)
{
    (void)state;
    char a[AUTH_HASH_SIZE], b[AUTH_HASH_SIZE];
    assert_int_equal(auth_hash_pin("123456", a, sizeof a), TP_OK);
    assert_int_equal(auth_hash_pin("123456", b, sizeof b), TP_OK);
    assert_string_not_equal(a, b);
    assert_true(auth_verify_pin("123456", a));
    assert_true(auth_verify_pin("123456", b));
}

static void test_thai_digits(void **state)
{
    (void)state;
    char h[AUTH_HASH_SIZE];
    assert_true(auth_pin_well_formed("๑๒๓๔"));
    assert_int_equal(auth_hash_pin("๒๕๔๘", h, sizeof h), TP_OK);
    assert_true(auth_verify_pin("2548", h));
    assert_true(auth_verify_pin("๒๕๔๘", h));
    assert_true(auth_verify_pin("๒5๔8", h)); /* mixed keyboards */
    assert_false(auth_verify_pin("๒๕๔๙", h));
}

static void test_malformed_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "123", "1234567890123", "12a4", "12 34", "๑๒๓", "１２３４",
        "12-4", "\xff\x31\x32\x33\x34", "ก๑๒๓", NULL,
    };
    char h[AUTH_HASH_SIZE];
    for (size_t i = 0; bad[i]; i++) {
        assert_false(auth_pin_well_formed(bad[i]));
        assert_int_equal(auth_hash_pin(bad[i], h, sizeof h), TP_ERR_INVALID);
    }
    assert_false(auth_pin_well_formed(NULL));
    assert_true(auth_pin_well_formed("0000"));
    assert_true(auth_pin_well_formed("123456789012"));
    /* too small a buffer is refused, not overrun */
    assert_int_equal(auth_hash_pin("1234", h, 10), TP_ERR_INVALID);
}

static void test_policy(void **state)
{
    (void)state;
    assert_int_equal(auth_delay_after(0), 0);
    assert_int_equal(auth_delay_after(1), 0);
    assert_int_equal(auth_delay_after(2), 2);
    assert_int_equal(auth_delay_after(3), 4);
    assert_int_equal(auth_delay_after(4), 8);
    assert_int_equal(auth_delay_after(5), AUTH_LOCK_SECONDS);
    assert_int_equal(auth_wait_left(3, 1000, 1001), 3);
    assert_int_equal(auth_wait_left(3, 1000, 1004), 0);
    assert_int_equal(auth_wait_left(5, 1000, 1000 + AUTH_LOCK_SECONDS - 1), 1);
    assert_int_equal(auth_wait_left(5, 1000, 1000 + AUTH_LOCK_SECONDS), 0);
    /* a last failure in the future (clock set back) waits no longer */
    assert_int_equal(auth_wait_left(4, 5000, 1000), 8);
    time_t t;
    assert_true(auth_parse_utc("2005-10-11T09:30:00.123Z", &t));
    assert_int_equal((long long)t, 1129023000LL);
    assert_true(auth_parse_utc("2005-10-11 09:30:00", &t));
    assert_int_equal((long long)t, 1129023000LL);
    assert_false(auth_parse_utc("11 ต.ค. 2548", &t));
    assert_false(auth_parse_utc(NULL, &t));
}

struct fixture {
    struct tdir t;
    tp_db *db;
    char user[DB_UUID_LEN];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    tdir_make(&f->t);
    f->db = open_new(f->t.db);
    db_value v = DB_V_TEXT("login", "somchai");
    if (!f->db || db_insert(f->db, "app_user", &v, 1, f->user) != TP_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    db_close(&f->db);
    tdir_remove(&f->t);
    free(f);
    return 0;
}

static int failures_of(struct fixture *f)
{
    int n = -1;
    char last[32];
    assert_int_equal(db_user_failures(f->db, f->user, &n, last), TP_OK);
    return n;
}

static void test_no_pin_and_no_user(void **state)
{
    struct fixture *f = *state;
    int wait = -1;
    assert_int_equal(auth_login(f->db, f->user, "", &wait), AUTH_OK);
    assert_int_equal(wait, 0);
    assert_int_equal(auth_login(f->db, "00000000-0000-4000-8000-000000000000",
                                "1234", &wait),
                     AUTH_NO_USER);
    assert_int_equal(auth_set_pin(f->db, f->user, "12"), TP_ERR_INVALID);
}

static void test_growing_delay_and_reset(void **state)
{
    struct fixture *f = *state;
    int wait = -1;
    assert_int_equal(auth_set_pin(f->db, f->user, "๑๒๓๔"), TP_OK);
    /* The failures are stamped with the real clock: start at the turn of
     * a second so that both land in the same one as `now`. */
    time_t now = time(NULL);
    while (time(NULL) == now)
        usleep(2000);
    now = time(NULL);
    assert_int_equal(auth_login_at(f->db, f->user, "9999", now, &wait), AUTH_WRONG);
    assert_int_equal(wait, 0);
    assert_int_equal(auth_login_at(f->db, f->user, "9999", now, &wait), AUTH_WRONG);
    assert_int_equal(wait, 2);
    /* during the wait even the right PIN is not checked */
    assert_int_equal(auth_login_at(f->db, f->user, "1234", now + 1, &wait), AUTH_LOCKED);
    assert_int_equal(wait, 1);
    assert_int_equal(failures_of(f), 2);
    assert_int_equal(auth_login_at(f->db, f->user, "9999", now + 3, &wait), AUTH_WRONG);
    assert_int_equal(wait, 4);
    /* success resets the count */
    assert_int_equal(auth_login_at(f->db, f->user, "1234", now + 8, &wait), AUTH_OK);
    assert_int_equal(wait, 0);
    assert_int_equal(failures_of(f), 0);
    assert_int_equal(auth_login_at(f->db, f->user, "0000", now + 9, &wait), AUTH_WRONG);
    assert_int_equal(wait, 0);
}

static void test_lockout_and_expiry(void **state)
{
    struct fixture *f = *state;
    int wait = -1;
    time_t now = time(NULL);
    assert_int_equal(auth_set_pin(f->db, f->user, "246810"), TP_OK);
    /* the failures are stamped with the time given; step past each delay */
    time_t t = now;
    for (int i = 1; i < AUTH_MAX_FAILURES; i++) {
        assert_int_equal(auth_login_at(f->db, f->user, "111111", t, &wait),
                         AUTH_WRONG);
        assert_int_equal(wait, auth_delay_after(i));
        t += wait;
    }
    assert_int_equal(auth_login_at(f->db, f->user, "111111", t, &wait),
                     AUTH_LOCKED);
    assert_int_equal(wait, AUTH_LOCK_SECONDS);
    /* locked: the right PIN is refused until the lockout is over */
    assert_int_equal(auth_login_at(f->db, f->user, "246810", t + 60, &wait),
                     AUTH_LOCKED);
    assert_int_equal(wait, AUTH_LOCK_SECONDS - 60);
    assert_int_equal(failures_of(f), AUTH_MAX_FAILURES);
    time_t later = t + AUTH_LOCK_SECONDS;
    assert_int_equal(auth_login_at(f->db, f->user, "246810", later, &wait), AUTH_OK);
    assert_int_equal(failures_of(f), 0);
    /* clearing the PIN lets anyone choosing this user in */
    assert_int_equal(auth_set_pin(f->db, f->user, NULL), TP_OK);
    assert_int_equal(auth_login(f->db, f->user, "", &wait), AUTH_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_round_trip),
        cmocka_unit_test(test_salts_differ),
        cmocka_unit_test(test_thai_digits),
        cmocka_unit_test(test_malformed_refused),
        cmocka_unit_test(test_policy),
        cmocka_unit_test_setup_teardown(test_no_pin_and_no_user, setup, teardown),
        cmocka_unit_test_setup_teardown(test_growing_delay_and_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lockout_and_expiry, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
