/* Headless mode for tests: curses draws into its virtual screen with output
 * thrown away; events come from a key script and <Dump> writes the screen.
 *
 * Script: UTF-8 text is typed code point by code point; line ends are not
 * keys. Special tokens:
 *   <Enter> <Tab> <BTab> <BS> <Del> <Esc> <Up> <Down> <Left> <Right> <Home>
 *   <End> <PgUp> <PgDn> <F1>..<F12> <C-a>..<C-z> <C-Left> <C-Right> <lt>
 *   <Resize 60x20>  <Dump>  <DumpAttrs> (also a row of attribute letters
 *   under each row: . plain, r reverse, b bold, u underline, R reverse+bold,
 *   d dim, c colour)  <Tick> (one idle turn)  <Hangup> (raises SIGHUP)
 *   <U+001B> one code point by number (controls included, to test them)
 *   <Paste>text, newlines included, <U+XXXX> expanded</Paste>
 * A line starting with '#' is a comment. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"
#include "term_internal.h"

static char *script;     /* whole script, NUL-terminated */
static size_t script_len;
static size_t script_pos;
static bool at_line_start = true;

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

tp_status headless_start(const term_opts *opts)
{
    FILE *in = strcmp(opts->script, "-") == 0 ? stdin : fopen(opts->script, "r");
    if (!in)
        return TP_ERR_IO;
    script = slurp(in, &script_len);
    if (in != stdin)
        fclose(in);
    if (!script)
        return TP_ERR_NOMEM;
    script_pos = 0;
    at_line_start = true;

    term_state.dump = opts->dump_path ? fopen(opts->dump_path, "w") : NULL;
    if (opts->dump_path && !term_state.dump)
        return TP_ERR_IO;
    term_state.devnull_out = fopen("/dev/null", "w");
    term_state.devnull_in = fopen("/dev/null", "r");
    if (!term_state.devnull_out || !term_state.devnull_in)
        return TP_ERR_IO;

    char num[16];
    snprintf(num, sizeof num, "%d", opts->rows > 0 ? opts->rows : 24);
    setenv("LINES", num, 1);
    snprintf(num, sizeof num, "%d", opts->cols > 0 ? opts->cols : 80);
    setenv("COLUMNS", num, 1);
    const char *type = getenv("TERM");
    if (!type || !*type)
        type = "xterm-256color";
    term_state.screen = newterm(type, term_state.devnull_out,
                                term_state.devnull_in);
    if (!term_state.screen)
        return TP_ERR_IO;
    set_term(term_state.screen);
    term_state.headless = true;
    return TP_OK;
}

void headless_stop(void)
{
    free(script);
    script = NULL;
    if (term_state.dump)
        fclose(term_state.dump);
    if (term_state.devnull_out)
        fclose(term_state.devnull_out);
    if (term_state.devnull_in)
        fclose(term_state.devnull_in);
    term_state.dump = term_state.devnull_out = term_state.devnull_in = NULL;
}

static const struct {
    const char *name;
    term_key key;
} key_names[] = {
    {"Enter", TK_ENTER}, {"Tab", TK_TAB}, {"BTab", TK_BTAB},
    {"BS", TK_BACKSPACE}, {"Del", TK_DELETE}, {"Esc", TK_ESC},
    {"Up", TK_UP}, {"Down", TK_DOWN}, {"Left", TK_LEFT}, {"Right", TK_RIGHT},
    {"Home", TK_HOME}, {"End", TK_END}, {"PgUp", TK_PGUP}, {"PgDn", TK_PGDN},
    {"C-Left", TK_CTRL_LEFT}, {"C-Right", TK_CTRL_RIGHT}, {"Ins", TK_INSERT},
    {"F1", TK_F1}, {"F2", TK_F2}, {"F3", TK_F3}, {"F4", TK_F4},
    {"F5", TK_F5}, {"F6", TK_F6}, {"F7", TK_F7}, {"F8", TK_F8},
    {"F9", TK_F9}, {"F10", TK_F10}, {"F11", TK_F11}, {"F12", TK_F12},
};

/* Handles one <token>; returns false if the token is unknown (then the '<'
 * is typed literally). */
static bool special_token(const char *tok, size_t n, term_event *ev)
{
    char name[64];
    if (n >= sizeof name)
        return false;
    memcpy(name, tok, n);
    name[n] = 0;
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
        if (strcmp(name, key_names[i].name) == 0) {
            ev->type = EV_KEY;
            ev->key = key_names[i].key;
            return true;
        }
    }
    if (n == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' &&
        name[2] <= 'z') {
        ev->type = EV_KEY;
        ev->key = TK_CTRL(name[2]);
        return true;
    }
    unsigned cp;
    if (sscanf(name, "U+%x", &cp) == 1) {
        ev->type = EV_CHAR;
        ev->ch = cp;
        return true;
    }
    if (strcmp(name, "lt") == 0) {
        ev->type = EV_CHAR;
        ev->ch = '<';
        return true;
    }
    if (strcmp(name, "Tick") == 0) {
        ev->type = EV_NONE;
        return true;
    }
    if (strcmp(name, "Dump") == 0 || strcmp(name, "DumpAttrs") == 0) {
        term_dump_screen(name[4] == 'A');
        ev->type = EV_NONE;
        return true;
    }
    if (strcmp(name, "Hangup") == 0) {
        raise(SIGHUP);
        ev->type = EV_HANGUP;
        return true;
    }
    int cols, rows;
    if (sscanf(name, "Resize %dx%d", &cols, &rows) == 2 && cols > 0 &&
        rows > 0) {
        resize_term(rows, cols);
        ev->type = EV_RESIZE;
        return true;
    }
    return false;
}

static void read_paste_block(term_event *ev)
{
    const char *end = strstr(script + script_pos, "</Paste>");
    size_t stop = end ? (size_t)(end - script) : script_len;
    size_t n = stop - script_pos;
    char *text = malloc(n + 1);
    if (!text) {
        ev->type = EV_NONE;
        return;
    }
    /* <U+XXXX> becomes the code point itself; the expansion is never longer
     * than the token (at most 4 bytes for 8 or more characters). */
    size_t k = 0;
    for (size_t i = script_pos; i < stop;) {
        unsigned cp;
        int used = 0;
        if (script[i] == '<' && sscanf(script + i, "<U+%x>%n", &cp, &used) == 1 &&
            used > 0 && i + (size_t)used <= stop) {
            int len = text_encode(cp, text + k);
            k += (size_t)len;
            i += (size_t)used;
            continue;
        }
        text[k++] = script[i++];
    }
    text[k] = 0;
    n = k;
    script_pos = end ? stop + strlen("</Paste>") : script_len;
    free(term_state.paste);
    term_state.paste = text;
    ev->type = EV_PASTE;
    ev->text = text;
    ev->len = n;
}

void headless_read(term_event *ev)
{
    for (;;) {
        if (script_pos >= script_len) {
            ev->type = EV_EOF;
            return;
        }
        char c = script[script_pos];
        if (at_line_start && c == '#') {
            const char *nl = strchr(script + script_pos, '\n');
            script_pos = nl ? (size_t)(nl - script) + 1 : script_len;
            continue;
        }
        if (c == '\n' || c == '\r') {
            script_pos++;
            at_line_start = true;
            continue;
        }
        at_line_start = false;
        if (c == '<') {
            const char *close = strchr(script + script_pos + 1, '>');
            if (close) {
                size_t n = (size_t)(close - (script + script_pos + 1));
                if (n == 5 && strncmp(script + script_pos + 1, "Paste", 5) == 0) {
                    script_pos += 7;
                    read_paste_block(ev);
                    return;
                }
                if (special_token(script + script_pos + 1, n, ev)) {
                    script_pos += n + 2;
                    return;
                }
            }
        }
        size_t len;
        ev->ch = text_decode(script, script_len, script_pos, &len);
        script_pos += len;
        ev->type = EV_CHAR;
        return;
    }
}

/* One letter per cell, so that monochrome tests can see what stands out. */
static char attr_letter(attr_t a, short pair)
{
    bool rev = a & A_REVERSE, bold = a & A_BOLD;
    if (rev && bold)
        return 'R';
    if (rev)
        return 'r';
    if (bold)
        return 'b';
    if (a & A_UNDERLINE)
        return 'u';
    if (a & A_DIM)
        return 'd';
    return pair ? 'c' : '.';
}

void term_dump_screen(bool with_attrs)
{
    if (!term_state.dump)
        return;
    int rows, cols, cy, cx;
    getmaxyx(stdscr, rows, cols);
    getyx(stdscr, cy, cx);
    if (rows <= 0 || cols <= 0)
        return;
    fprintf(term_state.dump, "--- screen %dx%d cursor %d,%d\n", cols, rows,
            cy, cx);
    char *line = malloc((size_t)cols * 5 * (CCHARW_MAX + 1) + 1);
    char *attrs = malloc((size_t)cols + 1);
    if (!line || !attrs) {
        free(line);
        free(attrs);
        return;
    }
    for (int y = 0; y < rows; y++) {
        size_t n = 0, keep = 0;
        for (int x = 0; x < cols; x++) {
            cchar_t cell;
            wchar_t wch[CCHARW_MAX + 1];
            attr_t a;
            short pair;
            if (mvwin_wch(stdscr, y, x, &cell) == ERR ||
                getcchar(&cell, wch, &a, &pair, NULL) == ERR) {
                attrs[x] = '?';
                continue;
            }
            attrs[x] = attr_letter(a, pair);
            for (int i = 0; i < CCHARW_MAX && wch[i]; i++)
                n += (size_t)text_encode((uint32_t)wch[i], line + n);
            if (!(wch[0] == L' ' && wch[1] == 0))
                keep = n;
        }
        line[keep] = 0;
        fprintf(term_state.dump, "%s\n", line);
        if (with_attrs) {
            attrs[cols] = 0;
            fprintf(term_state.dump, "%s\n", attrs);
        }
    }
    free(line);
    free(attrs);
    wmove(stdscr, cy, cx);
    fflush(term_state.dump);
}
