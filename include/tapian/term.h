/* term — the terminal: ncurses set-up and teardown, colour or monochrome,
 * reading events (keys, paste, resize, hang-up), and a headless mode that
 * reads a key script and writes screen dumps for tests. */
#ifndef TAPIAN_TERM_H
#define TAPIAN_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tapian/status.h"

typedef enum {
    EV_NONE,   /* timeout: nothing happened */
    EV_CHAR,   /* a printable code point in .ch */
    EV_KEY,    /* a key in .key (TK_*) */
    EV_PASTE,  /* pasted text in .text/.len (bracketed paste) */
    EV_RESIZE, /* the terminal changed size */
    EV_HANGUP, /* SIGHUP or SIGTERM: save and leave */
    EV_EOF     /* headless script ended, or input closed */
} term_event_type;

/* Keys that are not text. Control keys arrive as TK_CTRL_A + n. */
typedef enum {
    TK_NONE = 0,
    TK_ENTER, TK_TAB, TK_BTAB, TK_BACKSPACE, TK_DELETE, TK_ESC,
    TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT, TK_HOME, TK_END, TK_PGUP, TK_PGDN,
    TK_CTRL_LEFT, TK_CTRL_RIGHT, TK_INSERT,
    TK_F1, TK_F2, TK_F3, TK_F4, TK_F5, TK_F6, TK_F7, TK_F8, TK_F9, TK_F10,
    TK_F11, TK_F12,
    TK_CTRL_A, TK_CTRL_B, TK_CTRL_C, TK_CTRL_D, TK_CTRL_E, TK_CTRL_F,
    TK_CTRL_G, TK_CTRL_H, TK_CTRL_I, TK_CTRL_J, TK_CTRL_K, TK_CTRL_L,
    TK_CTRL_M, TK_CTRL_N, TK_CTRL_O, TK_CTRL_P, TK_CTRL_Q, TK_CTRL_R,
    TK_CTRL_S, TK_CTRL_T, TK_CTRL_U, TK_CTRL_V, TK_CTRL_W, TK_CTRL_X,
    TK_CTRL_Y, TK_CTRL_Z,
    TK_CTRL_LAST = TK_CTRL_Z
} term_key;

#define TK_CTRL(c) ((term_key)(TK_CTRL_A + ((c) | 0x20) - 'a'))

typedef struct {
    term_event_type type;
    uint32_t ch;
    term_key key;
    char *text; /* EV_PASTE: owned by term until the next term_read */
    size_t len;
} term_event;

typedef struct {
    const char *script;    /* headless: key script path ("-" = stdin) */
    const char *dump_path; /* headless: where <Dump> writes screens */
    int cols, rows;        /* headless: initial size (default 80x24) */
    bool monochrome;       /* force no colour */
} term_opts;

/* Sets the locale so that Thai can be drawn: the user's locale, or C.UTF-8
 * when it is not UTF-8. Returns false (with *why set) when no UTF-8 locale
 * can be had. Call before term_start and before printing anything. */
bool term_setup_locale(const char **why);

/* Starts curses on the terminal, or headless when opts->script is set. */
tp_status term_start(const term_opts *opts);
/* Restores the terminal; safe to call twice and from fatal paths. */
void term_stop(void);
bool term_is_headless(void);
bool term_has_colour(void);

/* Waits up to timeout_ms (negative: forever) for one event. */
void term_read(term_event *ev, int timeout_ms);

/* Headless: writes the screen (each row's cells with their marks, trailing
 * blanks removed) to the dump file; with_attrs adds a row of attribute
 * letters under each row. */
void term_dump_screen(bool with_attrs);

/* Colour pairs / attributes used by the views. Monochrome terminals get
 * reverse and bold instead. */
typedef enum {
    TA_NORMAL, TA_TITLE, TA_STATUS, TA_KEYHELP, TA_FIELD, TA_FIELD_FOCUS,
    TA_SELECTED, TA_ERROR, TA_NOTICE, TA_LABEL, TA_COUNT
} term_attr;
int term_attr_of(term_attr a);

/* Set by the signal handler; the loop turns it into EV_HANGUP. */
bool term_hangup_pending(void);

#endif
