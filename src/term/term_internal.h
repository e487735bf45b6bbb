/* Shared state of the term module's files; not for other modules. */
#ifndef TAPIAN_TERM_INTERNAL_H
#define TAPIAN_TERM_INTERNAL_H

#include <curses.h>

#include "tapian/term.h"

/* Key codes given to the bracketed-paste markers with define_key. */
#define TERM_KEY_PASTE_BEGIN (KEY_MAX + 1)
#define TERM_KEY_PASTE_END (KEY_MAX + 2)

struct term_state {
    bool started;
    bool headless;
    bool colour;
    bool bracketed_paste;
    SCREEN *screen;
    char *paste;       /* the last EV_PASTE text */
    /* headless */
    FILE *script;
    FILE *dump;
    FILE *devnull_out;
    FILE *devnull_in;
};

extern struct term_state term_state;

tp_status headless_start(const term_opts *opts);
void headless_stop(void);
void headless_read(term_event *ev);

/* Turns a curses key code or control character into an event. */
void term_translate_key(int code, bool is_keycode, term_event *ev);

#endif
