/* Logging in: the PIN check with a growing delay after each failure and a
 * lockout after AUTH_MAX_FAILURES in a row. The counts live in the database
 * (so quitting and restarting does not reset them); the caller shows the
 * wait as a countdown instead of sleeping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth_internal.h"
#include "tapian/db_records.h"

int auth_delay_after(int failures)
{
    if (failures < 2)
        return 0;
    if (failures >= AUTH_MAX_FAILURES)
        return AUTH_LOCK_SECONDS;
    return 1 << (failures - 1); /* 2, 4, 8 */
}

int auth_wait_left(int failures, time_t last_failed, time_t now)
{
    long left = (long)(last_failed + auth_delay_after(failures) - now);
    /* A clock set back must not stretch the wait beyond the policy. */
    if (left > auth_delay_after(failures))
        left = auth_delay_after(failures);
    return left > 0 ? (int)left : 0;
}

bool auth_parse_utc(const char *s, time_t *out)
{
    struct tm tm = {0};
    char sep = 0;
    int used = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
                     &tm.tm_mday, &sep, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
                     &used) != 7 ||
        (sep != 'T' && sep != ' '))
        return false;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    if (t == (time_t)-1)
        return false;
    *out = t;
    return true;
}

static auth_result record(tp_db *db, const char *user_id, bool failed,
                          time_t now)
{
    if (db_is_read_only(db))
        return AUTH_OK; /* nothing can be kept; the check itself still holds */
    struct tm tm;
    char at[32];
    gmtime_r(&now, &tm);
    strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return db_user_record_failure(db, user_id, failed, at) == TP_OK
               ? AUTH_OK
               : AUTH_ERROR;
}

auth_result auth_login_at(tp_db *db, const char *user_id, const char *pin,
                          time_t now, int *wait_seconds)
{
    *wait_seconds = 0;
    char *hash = NULL;
    tp_status st = db_user_pin_hash(db, user_id, &hash);
    if (st == TP_ERR_NOTFOUND)
        return AUTH_NO_USER;
    if (st != TP_OK)
        return AUTH_ERROR;
    if (!hash) /* no PIN set: choosing oneself is enough */
        return record(db, user_id, false, now);

    int failures = 0;
    char last_at[32] = "";
    time_t last = now;
    if (db_user_failures(db, user_id, &failures, last_at) != TP_OK) {
        free(hash);
        return AUTH_ERROR;
    }
    if (failures > 0 && !auth_parse_utc(last_at, &last))
        last = now; /* unreadable time: count the wait from now */
    /* A try during the wait is not even checked: guessing gains nothing. */
    int left = auth_wait_left(failures, last, now);
    if (left > 0) {
        free(hash);
        *wait_seconds = left;
        return AUTH_LOCKED;
    }
    bool ok = auth_verify_pin(pin, hash);
    free(hash);
    if (ok)
        return failures > 0 ? record(db, user_id, false, now) : AUTH_OK;
    if (record(db, user_id, true, now) != AUTH_OK)
        return AUTH_ERROR;
    *wait_seconds = auth_delay_after(failures + 1);
    return failures + 1 >= AUTH_MAX_FAILURES ? AUTH_LOCKED : AUTH_WRONG;
}

auth_result auth_login(tp_db *db, const char *user_id, const char *pin,
                       int *wait_seconds)
{
    return auth_login_at(db, user_id, pin, time(NULL), wait_seconds);
}

tp_status auth_set_pin(tp_db *db, const char *user_id, const char *pin)
{
    if (!pin)
        return db_user_set_pin_hash(db, user_id, NULL);
    char hash[AUTH_HASH_SIZE];
    tp_status st = auth_hash_pin(pin, hash, sizeof hash);
    if (st != TP_OK)
        return st;
    st = db_user_set_pin_hash(db, user_id, hash);
    /* A new PIN starts with a clean slate of failures. */
    if (st == TP_OK)
        st = db_user_record_failure(db, user_id, false, NULL);
    return st;
}
