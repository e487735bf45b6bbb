/* Shared between the files of the screen module; not a public interface. */
#ifndef TAPIAN_SCREEN_INTERNAL_H
#define TAPIAN_SCREEN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/screen.h"

/* At most this many keys per section (one bit each in sp.seen). */
#define SP_MAX_KEYS 32

typedef enum { SEC_NONE, SEC_SCREEN, SEC_LIST, SEC_FIELD } sp_section;

/* The state of one parse. The reader (screen_parse.c) feeds inih one line
 * at a time and so knows the line number and whether the line is indented
 * (a continuation); the handlers (screen_keys.c) fill the screen. */
typedef struct {
    const char *file;
    const char *pos, *end;   /* what the reader has not handed out yet */
    int line;                /* the line inih is working on */
    bool mid_line;           /* inih is reading a long line in pieces */
    bool indented;           /* the current line starts with a blank */
    screen *s;
    sp_section sec;
    char sec_name[128];      /* as inih spells it, to tell sections apart */
    int sec_line;            /* line of the current [section] header */
    int screen_line;         /* line of [screen], or 0 */
    int list_line;           /* line of [list], or 0 */
    unsigned seen;           /* keys already given in this section */
    int key_line[SP_MAX_KEYS];
    int last_key;            /* index of the previous key, for continuations */
    bool failed;
    char *err;
    size_t errsize;
} sp;

/* Writes "FILE:LINE: message" into the error buffer (first error wins). */
void sp_fail(sp *p, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Section headers and keys (screen_keys.c). Return false on error. */
bool sp_begin_section(sp *p, const char *name);
bool sp_end_section(sp *p);
bool sp_key(sp *p, const char *name, const char *value);
const char *sp_type_name(screen_field_type t);
/* [field NAME] keys (screen_field.c). */
int sp_field_key_index(const char *name);
bool sp_field_key(sp *p, screen_field *f, int key, const char *name,
                  const char *value, bool cont);
bool sp_field_end(sp *p, screen_field *f);
/* A text value; para = continuation lines allowed (help texts). */
bool sp_set_text(sp *p, char **dst, const char *value, bool cont, bool para);
/* Whole-file rules once every section is read. */
bool sp_finish(sp *p);

/* Value helpers (screen_values.c). */
char *sp_strdup(const char *s);
bool sp_is_ident(const char *s);
/* A stored choice value: letters, digits, _ - . (e.g. "kit", "2549"). */
bool sp_is_code(const char *s);
/* Appends the comma-separated identifiers of value to *list. */
bool sp_add_list(sp *p, const char *key, const char *value, char ***list,
                 size_t *n);
bool sp_parse_number(sp *p, const char *key, const char *value, double *out);
bool sp_parse_count(sp *p, const char *key, const char *value, long lo,
                    long hi, long *out);
/* Splits "a | b | c" into at most max trimmed parts (malloc'd); returns the
 * number of parts, or -1 when there are more than max. */
int sp_split_bar(const char *value, char **parts, int max);
bool sp_is_role(const char *code);
bool sp_is_filter(const char *name);
/* "YYYY-MM-DD", a real date. */
bool sp_is_iso_date(const char *s);

void screen_field_free(screen_field *f);

#endif
