/* PINs: what a PIN may be, and its salted slow hash (libxcrypt yescrypt).
 * Thai digits are turned into ASCII first, so ๑๒๓๔ and 1234 are the same
 * PIN whichever keyboard typed it. */
#include <crypt.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/auth.h"
#include "tapian/text.h"

#define PIN_MIN 4
#define PIN_MAX 12

/* The PIN in ASCII digits (malloc'd), or NULL when it is not 4-12 digits. */
static char *pin_ascii(const char *pin)
{
    if (!pin)
        return NULL;
    size_t n = 0;
    char *a = text_convert_digits(pin, strlen(pin), false, &n);
    if (!a)
        return NULL;
    bool ok = n >= PIN_MIN && n <= PIN_MAX;
    for (size_t i = 0; ok && i < n; i++)
        ok = a[i] >= '0' && a[i] <= '9';
    if (!ok) {
        explicit_bzero(a, n);
        free(a);
        return NULL;
    }
    return a;
}

static void pin_free(char *a)
{
    if (a) {
        explicit_bzero(a, strlen(a));
        free(a);
    }
}

bool auth_pin_well_formed(const char *pin)
{
    char *a = pin_ascii(pin);
    bool ok = a != NULL;
    pin_free(a);
    return ok;
}

/* crypt_rn into a heap crypt_data (it is 32 KiB; the PIN's traces are wiped
 * before it is freed). Copies the result into out. */
static bool run_crypt(const char *pin, const char *setting, char *out,
                      size_t size)
{
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_rn(pin, setting, cd, (int)sizeof *cd);
    /* A failed crypt may still return a "*0"-style token: never a hash. */
    bool ok = h && h[0] == '$' && strlen(h) < size;
    if (ok)
        memcpy(out, h, strlen(h) + 1);
    explicit_bzero(cd, sizeof *cd);
    free(cd);
    return ok;
}

tp_status auth_hash_pin(const char *pin, char *out, size_t size)
{
    char *a = pin_ascii(pin);
    if (!a)
        return TP_ERR_INVALID;
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    /* NULL entropy: libxcrypt reads the system's random source itself. */
    bool ok = crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) != NULL &&
              run_crypt(a, salt, out, size);
    pin_free(a);
    return ok ? TP_OK : TP_ERR_INVALID;
}

/* Compares in time that depends only on the lengths, so a guess learns
 * nothing from how long the comparison took. */
static bool same_hash(const char *x, const char *y)
{
    size_t n = strlen(x);
    if (n != strlen(y))
        return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(x[i] ^ y[i]);
    return diff == 0;
}

bool auth_verify_pin(const char *pin, const char *hash)
{
    if (!hash || hash[0] != '$')
        return false;
    char *a = pin_ascii(pin);
    if (!a)
        return false;
    char again[CRYPT_OUTPUT_SIZE];
    bool ok = run_crypt(a, hash, again, sizeof again) && same_hash(again, hash);
    explicit_bzero(again, sizeof again);
    pin_free(a);
    return ok;
}
