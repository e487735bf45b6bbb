/* Key names to the bytes xterm-256color (or whatever $TERM is) sends. The
 * sequences come from terminfo, not from a table here, so that a program
 * that asked for keypad mode gets exactly what a real terminal would send. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "ptyrec.h"

static int terminfo_ready;

static const char *cap(const char *name)
{
    if (!terminfo_ready) {
        int err = 0;
        if (setupterm(NULL, -1, &err) != OK) {
            fprintf(stderr, "ptyrec: no terminfo entry for $TERM\n");
            exit(2);
        }
        terminfo_ready = 1;
    }
    /* tigetstr takes a char *; terminfo does not write through it. */
    char buf[16];
    snprintf(buf, sizeof buf, "%s", name);
    const char *s = tigetstr(buf);
    return (s == NULL || s == (const char *)-1) ? NULL : s;
}

struct named {
    const char *name;
    const char *capname; /* terminfo capability, or NULL for a literal */
    const char *literal;
};

static const struct named names[] = {
    {"Enter", NULL, "\r"},   {"Tab", NULL, "\t"},      {"Esc", NULL, "\033"},
    {"BS", "kbs", NULL},     {"Del", "kdch1", NULL},   {"Up", "kcuu1", NULL},
    {"Down", "kcud1", NULL}, {"Left", "kcub1", NULL},  {"Right", "kcuf1", NULL},
    {"Home", "khome", NULL}, {"End", "kend", NULL},    {"PgUp", "kpp", NULL},
    {"PgDn", "knp", NULL},   {"BTab", "kcbt", NULL},   {"lt", NULL, "<"},
    {"Space", NULL, " "},
};

static int named_key(const char *name, rec_key *k)
{
    const char *seq = NULL;
    if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
        static char ctl[2];
        ctl[0] = (char)(name[2] & 0x1f);
        seq = ctl;
    } else if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
        char c[8];
        snprintf(c, sizeof c, "kf%d", atoi(name + 1));
        seq = cap(c);
    } else {
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcmp(names[i].name, name) == 0)
                seq = names[i].capname ? cap(names[i].capname) : names[i].literal;
    }
    if (!seq || strlen(seq) >= sizeof k->bytes)
        return -1;
    k->len = strlen(seq);
    memcpy(k->bytes, seq, k->len);
    return 0;
}

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

int rec_parse_keys(const char *text, rec_key *out, int max)
{
    int n = 0;
    for (const char *p = text; *p;) {
        rec_key k;
        int repeat = 1;
        if (*p == '<') {
            const char *end = strchr(p, '>');
            char name[32];
            size_t len = end ? (size_t)(end - p - 1) : 0;
            if (!end || len == 0 || len >= sizeof name) {
                fprintf(stderr, "ptyrec: bad key at '%s'\n", p);
                return -1;
            }
            memcpy(name, p + 1, len);
            name[len] = 0;
            char *star = strchr(name, '*');
            if (star) {
                *star = 0;
                repeat = atoi(star + 1);
            }
            if (named_key(name, &k) != 0) {
                fprintf(stderr, "ptyrec: unknown key <%s>\n", name);
                return -1;
            }
            p = end + 1;
        } else {
            k.len = utf8_len((unsigned char)*p);
            if (strnlen(p, k.len) < k.len) {
                fprintf(stderr, "ptyrec: cut UTF-8 in the script\n");
                return -1;
            }
            memcpy(k.bytes, p, k.len);
            p += k.len;
        }
        for (int i = 0; i < repeat; i++) {
            if (n >= max) {
                fprintf(stderr, "ptyrec: too many keys on one line\n");
                return -1;
            }
            out[n++] = k;
        }
    }
    return n;
}
