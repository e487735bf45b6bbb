/* auth — PINs and logging in. PINs are stored as salted slow hashes
 * (libxcrypt yescrypt); repeated failures bring a growing delay and then a
 * lockout. No SQL here: the db module stores the hashes and failures. */
#ifndef TAPIAN_AUTH_H
#define TAPIAN_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/db.h"

/* Failures in a row that lock a user out, and for how long. */
#define AUTH_MAX_FAILURES 5
#define AUTH_LOCK_SECONDS 300
/* Room for a stored hash. */
#define AUTH_HASH_SIZE 128

/* A PIN is 4 to 12 digits (ASCII or Thai digits). */
bool auth_pin_well_formed(const char *pin);
/* Hashes pin into out (at least 128 bytes) with a fresh salt. */
tp_status auth_hash_pin(const char *pin, char *out, size_t size);
bool auth_verify_pin(const char *pin, const char *hash);

typedef enum {
    AUTH_OK,
    AUTH_WRONG,    /* wrong PIN; *wait_seconds before the next try */
    AUTH_LOCKED,   /* too many failures; *wait_seconds until unlocked */
    AUTH_NO_USER,
    AUTH_ERROR     /* database error */
} auth_result;

/* Checks the PIN of user_id (a user without a PIN passes with any pin),
 * recording success or failure. A try made while a wait is still running is
 * not checked: AUTH_LOCKED with the seconds left. The failure that reaches
 * AUTH_MAX_FAILURES gives AUTH_LOCKED too. */
auth_result auth_login(tp_db *db, const char *user_id, const char *pin,
                       int *wait_seconds);
/* Sets (or with pin NULL, clears) the PIN of user_id. */
tp_status auth_set_pin(tp_db *db, const char *user_id, const char *pin);

#endif
