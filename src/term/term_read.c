/* Reading events from the terminal: keys, bracketed paste, resize, hang-up. */
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "tapian/text.h"
#include "term_internal.h"

void term_translate_key(int code, bool is_keycode, term_event *ev)
{
    ev->type = EV_KEY;
    ev->key = TK_NONE;
    if (!is_keycode) {
        switch (code) {
        case '\r': case '\n': ev->key = TK_ENTER; return;
        case '\t': ev->key = TK_TAB; return;
        case 27: ev->key = TK_ESC; return;
        case 127: case 8: ev->key = TK_BACKSPACE; return;
        default: break;
        }
        if (code >= 1 && code <= 26) {
            ev->key = (term_key)(TK_CTRL_A + code - 1);
            return;
        }
        if (code < 32 || (code >= 0x80 && code < 0xA0)) {
            ev->type = EV_NONE; /* other controls carry nothing for us */
            return;
        }
        ev->type = EV_CHAR;
        ev->ch = (uint32_t)code;
        return;
    }
    switch (code) {
    case KEY_ENTER: ev->key = TK_ENTER; break;
    case KEY_BTAB: ev->key = TK_BTAB; break;
    case KEY_BACKSPACE: ev->key = TK_BACKSPACE; break;
    case KEY_DC: ev->key = TK_DELETE; break;
    case KEY_IC: ev->key = TK_INSERT; break;
    case KEY_UP: ev->key = TK_UP; break;
    case KEY_DOWN: ev->key = TK_DOWN; break;
    case KEY_LEFT: ev->key = TK_LEFT; break;
    case KEY_RIGHT: ev->key = TK_RIGHT; break;
    case KEY_HOME: ev->key = TK_HOME; break;
    case KEY_END: ev->key = TK_END; break;
    case KEY_PPAGE: ev->key = TK_PGUP; break;
    case KEY_NPAGE: ev->key = TK_PGDN; break;
    case KEY_SLEFT: ev->key = TK_CTRL_LEFT; break;
    case KEY_SRIGHT: ev->key = TK_CTRL_RIGHT; break;
    case KEY_RESIZE: ev->type = EV_RESIZE; break;
    default:
        if (code >= KEY_F(1) && code <= KEY_F(12))
            ev->key = (term_key)(TK_F1 + (code - KEY_F(1)));
        else
            ev->type = EV_NONE;
        break;
    }
}

/* Ctrl+arrow arrives as kLFT5/kRIT5 on xterm and tmux; ncurses gives those
 * codes numbers at run time, so they are looked up by name once. */
static int ctrl_left_code, ctrl_right_code;

static void lookup_ctrl_arrows(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    ctrl_left_code = key_defined("\033[1;5D");
    ctrl_right_code = key_defined("\033[1;5C");
}

/* Collects everything up to the end marker; the text is handed over whole so
 * that a long paste is one edit, not thousands of keystrokes. */
static void read_paste(term_event *ev)
{
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        ev->type = EV_NONE;
        return;
    }
    wtimeout(stdscr, 1000);
    for (;;) {
        wint_t wc;
        int r = wget_wch(stdscr, &wc);
        if (r == ERR || (r == KEY_CODE_YES && wc == TERM_KEY_PASTE_END))
            break;
        if (r == KEY_CODE_YES)
            continue;
        char tmp[4];
        if (wc == '\r')
            wc = '\n';
        int k = text_encode((uint32_t)wc, tmp);
        if (len + (size_t)k + 1 > cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                break;
            buf = nb;
        }
        memcpy(buf + len, tmp, (size_t)k);
        len += (size_t)k;
    }
    buf[len] = 0;
    free(term_state.paste);
    term_state.paste = buf;
    ev->type = EV_PASTE;
    ev->text = buf;
    ev->len = len;
}

/* long long, not long: on armhf (Raspberry Pi OS 32-bit) long has 32 bits,
 * and monotonic seconds times 1000 overflow it after 25 days of uptime. */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* When the terminal goes away without a SIGHUP (a pipe closed, a pty torn
 * down), every read fails at once; many instant failures in a row mean the
 * input is gone, and the loop is told to save and leave instead of spinning. */
static int fast_errors;
static long long read_started;

static bool input_gone(int timeout_ms)
{
    if (timeout_ms < 20)
        return false;
    if (now_ms() - read_started >= timeout_ms / 2) {
        fast_errors = 0;
        return false;
    }
    return ++fast_errors > 50;
}

void term_read(term_event *ev, int timeout_ms)
{
    memset(ev, 0, sizeof *ev);
    if (term_hangup_pending()) {
        ev->type = EV_HANGUP;
        return;
    }
    if (term_state.headless) {
        headless_read(ev);
        return;
    }
    lookup_ctrl_arrows();
    wtimeout(stdscr, timeout_ms);
    read_started = now_ms();
    wint_t wc;
    int r = wget_wch(stdscr, &wc);
    if (term_hangup_pending()) {
        ev->type = EV_HANGUP;
        return;
    }
    if (r == ERR) {
        ev->type = input_gone(timeout_ms) ? EV_HANGUP : EV_NONE;
        return;
    }
    fast_errors = 0;
    if (r == KEY_CODE_YES) {
        int code = (int)wc;
        if (code == TERM_KEY_PASTE_BEGIN) {
            read_paste(ev);
            return;
        }
        if (code == TERM_KEY_PASTE_END) {
            ev->type = EV_NONE;
            return;
        }
        if (ctrl_left_code > 0 && code == ctrl_left_code) {
            ev->type = EV_KEY;
            ev->key = TK_CTRL_LEFT;
            return;
        }
        if (ctrl_right_code > 0 && code == ctrl_right_code) {
            ev->type = EV_KEY;
            ev->key = TK_CTRL_RIGHT;
            return;
        }
    }
    term_translate_key((int)wc, r == KEY_CODE_YES, ev);
}
