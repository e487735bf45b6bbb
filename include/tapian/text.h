/* text — the only module that knows Unicode and Thai rules.
 *
 * Every string is UTF-8 with an explicit byte length. Offsets are byte
 * offsets. Functions that return a new string return it malloc'd and
 * NUL-terminated (the caller frees); NULL means out of memory unless said
 * otherwise. No curses, no SQL here. */
#ifndef TAPIAN_TEXT_H
#define TAPIAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tapian/status.h"

/* ---- code points ------------------------------------------------------- */

/* Decodes the code point at pos; *len gets its byte length (at least 1).
 * An invalid sequence decodes as U+FFFD with its length (1 to 3 bytes). */
uint32_t text_decode(const char *s, size_t n, size_t pos, size_t *len);
/* Encodes c into out (4 bytes at most); returns the byte count, 0 if c is not
 * a Unicode scalar value. */
int text_encode(uint32_t c, char out[4]);
/* Number of code points. */
size_t text_codepoints(const char *s, size_t n);

/* ---- validation, normalisation, sanitising ----------------------------- */

/* True when s is valid UTF-8; otherwise *bad (if not NULL) gets the offset of
 * the first invalid byte. */
bool text_valid_utf8(const char *s, size_t n, size_t *bad);
/* Copy with every invalid byte sequence replaced by U+FFFD. */
char *text_repair_utf8(const char *s, size_t n, size_t *out_len);
/* NFC normalisation of valid UTF-8 (never NFKC: it splits SARA AM).
 * Returns TP_ERR_INVALID_UTF8 for invalid input, TP_ERR_NOMEM. */
tp_status text_nfc(const char *s, size_t n, char **out, size_t *out_len);
/* What a value goes through before it is saved: valid UTF-8 required, C0/C1
 * controls removed (tab and, when keep_newlines, newline kept as such;
 * CR LF and CR become LF), NFC. */
tp_status text_clean_for_save(const char *s, size_t n, bool keep_newlines,
                              char **out, size_t *out_len);
/* A copy that is safe to draw: invalid bytes become U+FFFD, C0/C1 controls
 * and ESC sequences become visible placeholders (U+2400 block for C0, U+FFFD
 * for others), bidi controls are dropped, and a combining mark with no base
 * is drawn on U+25CC. Newlines become U+2424 unless keep_newlines. */
char *text_display_safe(const char *s, size_t n, bool keep_newlines,
                        size_t *out_len);

/* ---- width and clusters ------------------------------------------------ */

/* Display width in terminal columns (libunistring). Controls count 0. */
int text_width(const char *s, size_t n);
/* Byte offset of the next grapheme-cluster boundary after pos (n at end). */
size_t text_next_cluster(const char *s, size_t n, size_t pos);
/* Byte offset of the cluster boundary before pos (0 at start). */
size_t text_prev_cluster(const char *s, size_t n, size_t pos);
/* Byte offset of the code point before pos (what Backspace removes). */
size_t text_prev_codepoint(const char *s, size_t n, size_t pos);
/* True when pos is a cluster boundary. */
bool text_is_cluster_boundary(const char *s, size_t n, size_t pos);
/* Number of grapheme clusters. */
size_t text_clusters(const char *s, size_t n);
/* The longest prefix that fits in cols columns without splitting a cluster:
 * returns its byte length; *used (if not NULL) gets its width. */
size_t text_clip(const char *s, size_t n, int cols, int *used);
/* Copy clipped to cols columns; when it had to cut and ellipsis is set, the
 * last column holds "…". */
char *text_clip_copy(const char *s, size_t n, int cols, bool ellipsis);
/* Byte offset of the cluster that covers column col (0-based) when s is
 * drawn from column 0; n when col is past the end. */
size_t text_offset_at_column(const char *s, size_t n, int col);

/* ---- words and wrapping ------------------------------------------------ */

/* Start of the next word after pos (libthai word breaks and spaces). */
size_t text_word_next(const char *s, size_t n, size_t pos);
/* Start of the word before pos. */
size_t text_word_prev(const char *s, size_t n, size_t pos);

typedef struct {
    size_t start; /* byte offset of the line in the text */
    size_t len;   /* bytes, without the trailing spaces or newline */
    int width;    /* display width of those bytes */
} text_line;

/* Wraps s at width columns: breaks at '\n', then at spaces and libthai word
 * breaks, never inside a cluster; a word wider than the line is cut at a
 * cluster boundary. Spaces at a soft break are not part of either line.
 * Returns the number of lines (at least 1) and *lines malloc'd; 0 on out of
 * memory. */
size_t text_wrap(const char *s, size_t n, int width, text_line **lines);

/* Frees the libthai word breaker (created on first use). Safe to call more
 * than once; it is also registered with atexit. The text module keeps this
 * breaker in a static, which is fine because tapian is single-threaded. */
void text_shutdown(void);

/* ---- Thai input sequence checking (WTT 2.0, libthai basic level) -------- */

typedef enum {
    TEXT_ISC_ACCEPT,  /* insert c as it is */
    TEXT_ISC_CORRECT, /* replace: delete *del bytes before the cursor, then
                         insert the replacement */
    TEXT_ISC_REJECT   /* c cannot follow what is before the cursor */
} text_isc_result;

/* Checks inserting c at byte offset cursor of s. For TEXT_ISC_ACCEPT,
 * repl gets c encoded and *del 0; for TEXT_ISC_CORRECT, *del bytes before
 * the cursor are to be replaced by repl (NUL-terminated, at most 31 bytes).
 * Non-Thai code points are always accepted. */
text_isc_result text_isc_check(const char *s, size_t n, size_t cursor,
                               uint32_t c, size_t *del, char repl[32]);

/* ---- dates (Buddhist era) ---------------------------------------------- */

typedef struct {
    int year; /* Gregorian (CE) */
    int month; /* 1-12 */
    int day;   /* 1-31 */
} text_date;

bool text_date_valid(text_date d);
/* Accepts "11 ต.ค. 2548", "11 ตุลาคม 2548", "11/10/2548", "2005-10-11"
 * (Thai or ASCII digits, surrounding spaces); BE years in the first three
 * forms, CE in ISO. Returns TP_ERR_INVALID for anything else or a day that
 * does not exist. */
tp_status text_date_parse(const char *s, size_t n, text_date *out);
/* "11 ต.ค. 2548" (with Thai digits when thai_digits). Returns the length
 * of the whole text, like snprintf; when it does not fit in size bytes, buf
 * gets "" (never half a character). An invalid date gives "" and -1; the
 * same holds for the two functions below. */
int text_date_format(text_date d, bool thai_digits, char *buf, size_t size);
/* "11 ตุลาคม 2548". */
int text_date_format_long(text_date d, bool thai_digits, char *buf,
                          size_t size);
/* "2005-10-11" (how dates are stored). */
int text_date_iso(text_date d, char *buf, size_t size);
/* Abbreviation ("ต.ค.") and full name ("ตุลาคม") of month 1-12; NULL for
 * any other month. */
const char *text_month_abbr(int month);
const char *text_month_name(int month);

/* ---- date arithmetic (calendar picker, month views) --------------------- */

/* Days in month 1-12 of a CE year (0 for another month). */
int text_date_days_in_month(int year, int month);
/* Leap year by the Gregorian rule on the CE year; a BE year (buddhist_era)
 * is converted first: BE 2547 is CE 2004, a leap year. */
bool text_date_is_leap(int year, bool buddhist_era);
/* Day number: days since 1970-01-01 (negative before). */
long text_date_to_days(text_date d);
text_date text_date_from_days(long days);
/* 0 = Sunday ... 6 = Saturday. */
int text_date_weekday(text_date d);
text_date text_date_add_days(text_date d, long n);
/* Months forward or back, the day kept or cut to the month's last
 * (31 ม.ค. + 1 month = 28 or 29 ก.พ.). */
text_date text_date_add_months(text_date d, int n);
/* <0, 0, >0 like strcmp. */
int text_date_compare(text_date a, text_date b);
/* Today in local time; TAPIAN_TODAY=YYYY-MM-DD fixes it (demonstrations,
 * repeatable tests). */
text_date text_date_today(void);
/* Weekday abbreviation (0 = Sunday): "อา", "จ", ... or "Su", "Mo", ... */
const char *text_weekday_abbr(int weekday, bool english);
/* English month name ("October") for month 1-12, NULL otherwise. */
const char *text_month_name_en(int month);

/* ---- digits ------------------------------------------------------------ */

/* Copy with ASCII digits turned into Thai digits (๐-๙) when to_thai, or
 * Thai digits into ASCII when not. */
char *text_convert_digits(const char *s, size_t n, bool to_thai,
                          size_t *out_len);

/* ---- search ------------------------------------------------------------ */

/* Byte offset in the NFC form of hay where needle (NFC) starts on a cluster
 * boundary, ASCII letters compared without case; (size_t)-1 when absent or
 * either is invalid UTF-8. */
size_t text_find(const char *hay, size_t hn, const char *needle, size_t nn);
bool text_contains(const char *hay, size_t hn, const char *needle, size_t nn);
/* One line of s around the match at byte offset match (match_len bytes) in
 * at most cols columns: the cut ends get "…", clusters are never split,
 * newlines and tabs become spaces. The match is kept from its start when it
 * is wider than the line. *hit and *hit_len (not NULL) get where the match
 * is in the returned copy (hit_len 0 when cols leaves no room). */
char *text_snippet(const char *s, size_t n, size_t match, size_t match_len,
                   int cols, size_t *hit, size_t *hit_len);

/* ---- collation --------------------------------------------------------- */

/* Thai dictionary order (libthai th_strxfrm on TIS-620): <0, 0, >0.
 * Text outside TIS-620 is ordered by code point after the Thai comparison. */
int text_collate(const char *a, size_t an, const char *b, size_t bn);
/* A byte key whose memcmp order (shorter first on a common prefix) is
 * exactly text_collate's: for stored, indexable sort columns. malloc'd,
 * *len bytes (it contains 0 bytes); NULL when out of memory. */
char *text_sort_key(const char *s, size_t n, size_t *len);

#endif
