/* Terminal set-up and teardown, locale, colours and signals. */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "term_internal.h"

struct term_state term_state;

static volatile sig_atomic_t hangup_flag;

/* Only a flag: curses must not be called from a signal handler. */
static void on_hangup(int sig)
{
    (void)sig;
    hangup_flag = 1;
}

bool term_hangup_pending(void)
{
    return hangup_flag != 0;
}

static bool codeset_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

bool term_setup_locale(const char **why)
{
    setlocale(LC_ALL, "");
    if (codeset_is_utf8())
        return true;
    /* th_TH.UTF-8 is rarely installed; C.UTF-8 is on every Debian. Only the
     * character type is changed so messages keep the user's choice. */
    if (setlocale(LC_CTYPE, "C.UTF-8") && codeset_is_utf8())
        return true;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") && codeset_is_utf8())
        return true;
    if (why)
        *why = "no UTF-8 locale is available (install the locales package "
               "or set LANG=C.UTF-8); Thai text cannot be shown";
    return false;
}

/* The terminal modes before curses changed them, for the crash path. */
static struct termios saved_modes;
static bool have_saved_modes;

/* A crash must not leave the user's terminal raw and on the alternate
 * screen. Only async-signal-safe calls here (tcsetattr, write), never
 * curses; then the signal is raised again with its default action. */
static void on_fatal(int sig)
{
    static const char reset[] = "\033[?2004l\033[?1049l\033[?25h\033[0m\r\n";
    if (have_saved_modes)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_fatal_handlers(void)
{
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0)
        have_saved_modes = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = (int)SA_RESETHAND;
    const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT};
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
        sigaction(fatal[i], &sa, NULL);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_hangup;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    /* Ctrl-Z is an ordinary key (raw mode); writing to a dropped SSH link
     * must not kill us before drafts are saved. */
    signal(SIGPIPE, SIG_IGN);
}

/* xterm, tmux, screen and their kin understand bracketed paste; the Linux
 * console and vt100 do not, and would print the sequence. */
static bool term_supports_bracketed_paste(void)
{
    const char *t = getenv("TERM");
    if (!t)
        return false;
    return strncmp(t, "xterm", 5) == 0 || strncmp(t, "tmux", 4) == 0 ||
           strncmp(t, "screen", 6) == 0 || strncmp(t, "rxvt", 4) == 0 ||
           strncmp(t, "alacritty", 9) == 0 || strncmp(t, "foot", 4) == 0;
}

static void setup_colours(bool monochrome)
{
    term_state.colour = !monochrome && !getenv("NO_COLOR") && has_colors();
    if (term_state.colour) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_WHITE, COLOR_BLUE);   /* title */
        init_pair(2, COLOR_BLACK, COLOR_CYAN);   /* status */
        init_pair(3, COLOR_CYAN, -1);            /* key help */
        init_pair(4, COLOR_BLACK, COLOR_WHITE);  /* field */
        init_pair(5, COLOR_BLACK, COLOR_YELLOW); /* focused field */
        init_pair(6, COLOR_WHITE, COLOR_BLUE);   /* selection */
        init_pair(7, COLOR_RED, -1);             /* error */
        init_pair(8, COLOR_GREEN, -1);           /* notice */
        init_pair(9, COLOR_YELLOW, -1);          /* label */
    }
}

int term_attr_of(term_attr a)
{
    if (term_state.colour) {
        switch (a) {
        case TA_TITLE: return COLOR_PAIR(1) | A_BOLD;
        case TA_STATUS: return COLOR_PAIR(2);
        case TA_KEYHELP: return COLOR_PAIR(3);
        case TA_FIELD: return COLOR_PAIR(4);
        case TA_FIELD_FOCUS: return COLOR_PAIR(5);
        case TA_SELECTED: return COLOR_PAIR(6) | A_BOLD;
        case TA_ERROR: return COLOR_PAIR(7) | A_BOLD;
        case TA_NOTICE: return COLOR_PAIR(8);
        case TA_LABEL: return COLOR_PAIR(9);
        default: return A_NORMAL;
        }
    }
    /* Monochrome: readable with reverse, bold and underline only. */
    switch (a) {
    case TA_TITLE: return A_REVERSE | A_BOLD;
    case TA_STATUS: return A_REVERSE;
    case TA_FIELD: return A_UNDERLINE;
    case TA_FIELD_FOCUS: return A_REVERSE;
    case TA_SELECTED: return A_REVERSE | A_BOLD;
    case TA_ERROR: return A_BOLD;
    case TA_LABEL: return A_BOLD;
    default: return A_NORMAL;
    }
}

static void define_paste_keys(void)
{
    define_key("\033[200~", TERM_KEY_PASTE_BEGIN);
    define_key("\033[201~", TERM_KEY_PASTE_END);
}

tp_status term_start(const term_opts *opts)
{
    memset(&term_state, 0, sizeof term_state);
    install_signals();
    if (opts->script) {
        if (headless_start(opts) != TP_OK)
            return TP_ERR_IO;
    } else {
        if (!getenv("TERM") || !*getenv("TERM"))
            setenv("TERM", "vt100", 1);
        install_fatal_handlers();
        term_state.screen = newterm(NULL, stdout, stdin);
        if (!term_state.screen)
            return TP_ERR_IO;
        set_term(term_state.screen);
    }
    term_state.started = true;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(50);
    setup_colours(opts->monochrome);
    define_paste_keys();
    if (!term_state.headless && term_supports_bracketed_paste()) {
        term_state.bracketed_paste = true;
        fputs("\033[?2004h", stdout);
        fflush(stdout);
    }
    return TP_OK;
}

void term_stop(void)
{
    if (!term_state.started)
        return;
    term_state.started = false;
    if (term_state.bracketed_paste) {
        fputs("\033[?2004l", stdout);
        fflush(stdout);
    }
    endwin();
    if (term_state.screen) {
        delscreen(term_state.screen);
        term_state.screen = NULL;
    }
    headless_stop();
    free(term_state.paste);
    term_state.paste = NULL;
}

bool term_is_headless(void)
{
    return term_state.headless;
}

bool term_has_colour(void)
{
    return term_state.colour;
}
