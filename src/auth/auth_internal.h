/* Internals of the auth module shared with its unit tests: the lockout
 * policy as a pure function and auth_login with the clock passed in, so
 * tests can step past a delay or a lockout without sleeping. */
#ifndef TAPIAN_AUTH_INTERNAL_H
#define TAPIAN_AUTH_INTERNAL_H

#include <time.h>

#include "tapian/auth.h"

/* Seconds to wait before the next try after `failures` failures in a row
 * (0, 0, 2, 4, 8; the fifth locks instead). */
int auth_delay_after(int failures);

/* Whether a try may be made now: 0 when it may, else the seconds left. A
 * lockout (failures >= AUTH_MAX_FAILURES) lasts AUTH_LOCK_SECONDS from the
 * last failure. */
int auth_wait_left(int failures, time_t last_failed, time_t now);

/* "YYYY-MM-DDTHH:MM:SS[.fff][Z]" (or a space for T), UTC, as SQLite writes
 * it; false when it is not such a time. */
bool auth_parse_utc(const char *s, time_t *out);

auth_result auth_login_at(tp_db *db, const char *user_id, const char *pin,
                          time_t now, int *wait_seconds);

#endif
