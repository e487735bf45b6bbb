/* Reading a screen file with inih.
 *
 * inih's handler is not told line numbers (Debian's libinih is built without
 * INI_HANDLER_LINENO), so the file is fed to ini_parse_stream through our own
 * reader: it counts lines and notes whether a line is indented, which is how
 * a continuation line is told apart from the same key given twice. inih
 * processes each line before it asks for the next, so the reader's count is
 * the line of the key being handled. Section headers are seen by the reader
 * as well, so that an empty [field x] section is still checked. */
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screen_internal.h"
#include "tapian/text.h"

/* Longer lines are refused rather than silently cut by inih. */
#define SP_LINE_MAX 65536

void sp_fail(sp *p, int line, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    int n = snprintf(p->err, p->errsize, "%s:%d: ", p->file, line);
    if (n < 0 || (size_t)n >= p->errsize)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err + n, p->errsize - (size_t)n, fmt, ap);
    va_end(ap);
}

static size_t line_length(const char *s, const char *end)
{
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
}

/* A header is an unindented line whose first character is '['. */
static bool start_line(sp *p, const char *s, size_t len)
{
    p->line++;
    p->indented = len > 0 && (s[0] == ' ' || s[0] == '\t');
    if (len > SP_LINE_MAX) {
        sp_fail(p, p->line, "line is longer than %d bytes", SP_LINE_MAX);
        return false;
    }
    if (len == 0 || s[0] != '[')
        return true;
    const char *close = memchr(s, ']', len);
    if (!close) {
        sp_fail(p, p->line, "section header without ']'");
        return false;
    }
    char name[128];
    size_t n = (size_t)(close - s - 1);
    if (n >= sizeof name) {
        sp_fail(p, p->line, "section name is too long");
        return false;
    }
    memcpy(name, s + 1, n);
    name[n] = 0;
    if (!sp_end_section(p))
        return false;
    p->sec_line = p->line;
    return sp_begin_section(p, name);
}

static char *reader(char *str, int num, void *stream)
{
    sp *p = stream;
    if (p->failed || p->pos >= p->end || num < 2)
        return NULL; /* an error ends the parse as if the file ended */
    if (!p->mid_line && !start_line(p, p->pos, line_length(p->pos, p->end)))
        return NULL;
    size_t want = line_length(p->pos, p->end);
    size_t n = want < (size_t)num - 1 ? want : (size_t)num - 1;
    memcpy(str, p->pos, n);
    str[n] = 0;
    p->pos += n;
    p->mid_line = n > 0 && str[n - 1] != '\n' && p->pos < p->end;
    return str;
}

static int handler(void *user, const char *section, const char *name,
                   const char *value)
{
    sp *p = user;
    if (p->failed)
        return 0;
    if (!*section) {
        sp_fail(p, p->line, "'%s' comes before any [section]", name);
        return 0;
    }
    if (strcmp(section, p->sec_name) != 0) {
        /* inih took an indented "[...]" for a header; we did not. */
        sp_fail(p, p->line, "section headers must not be indented");
        return 0;
    }
    return sp_key(p, name, value ? value : "") ? 1 : 0;
}

/* inih's options are process-wide variables in Debian's build: set them for
 * this parse and put them back, so that no other user of inih is surprised. */
struct ini_opts {
    bool multiline, inline_comments, stop, no_value, use_stack, realloc_ok;
    int max_line;
};

static void ini_opts_swap(struct ini_opts *o)
{
    struct ini_opts cur = {ini_allow_multiline, ini_allow_inline_comments,
                           ini_stop_on_first_error, ini_allow_no_value,
                           ini_use_stack, ini_allow_realloc, ini_max_line};
    ini_allow_multiline = o->multiline;
    ini_allow_inline_comments = o->inline_comments;
    ini_stop_on_first_error = o->stop;
    ini_allow_no_value = o->no_value;
    ini_use_stack = o->use_stack;
    ini_allow_realloc = o->realloc_ok;
    ini_max_line = o->max_line;
    *o = cur;
}

static bool check_bytes(sp *p, const char *text, size_t len)
{
    size_t bad = 0;
    const char *nul = memchr(text, 0, len);
    if (!text_valid_utf8(text, len, &bad) || nul) {
        size_t at = nul && (size_t)(nul - text) < bad ? (size_t)(nul - text) : bad;
        int line = 1;
        for (size_t i = 0; i < at && i < len; i++)
            line += text[i] == '\n';
        sp_fail(p, line, nul && (size_t)(nul - text) == at
                             ? "NUL byte in the file"
                             : "the file is not valid UTF-8");
        return false;
    }
    return true;
}

/* "dir/meeting.ini" -> "meeting" (malloc'd). */
static char *base_name(const char *file)
{
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".ini") == 0)
        n -= 4;
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = 0;
    }
    return s;
}

tp_status screen_parse(const char *file, const char *text, size_t len,
                       screen *out, char *err, size_t errsize)
{
    char dummy[1];
    memset(out, 0, sizeof *out);
    sp p = {.file = file, .pos = text, .end = text + len, .s = out,
            .err = errsize ? err : dummy, .errsize = errsize ? errsize : 1,
            .last_key = -1};
    p.err[0] = 0;
    out->kind = SCREEN_RECORDS;
    out->file = sp_strdup(file);
    out->name = base_name(file);
    if (!out->file || !out->name) {
        snprintf(p.err, p.errsize, "%s: out of memory", file);
        screen_free(out);
        return TP_ERR_NOMEM;
    }
    if (check_bytes(&p, text, len)) {
        struct ini_opts o = {.multiline = true, .inline_comments = true,
                             .stop = true, .no_value = false,
                             .use_stack = false, .realloc_ok = true,
                             .max_line = SP_LINE_MAX + 3};
        ini_opts_swap(&o);
        int r = ini_parse_stream(reader, &p, handler, &p);
        ini_opts_swap(&o);
        if (r == -2)
            sp_fail(&p, p.line, "out of memory");
        else if (r != 0)
            sp_fail(&p, p.line, "expected 'key = value' or a [section]");
        if (!p.failed && sp_end_section(&p))
            sp_finish(&p);
    }
    if (p.failed) {
        screen_free(out);
        return TP_ERR_INVALID;
    }
    return TP_OK;
}
