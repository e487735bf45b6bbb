/* The words the book is written with: titles, headings, labels, sources and
 * Buddhist-era dates, shared by the three renderers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book_internal.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

char *book_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

const char *book_title(void)
{
    return _("The learning textbook of Nakhon Si Thammarat");
}

const char *book_subtitle(void)
{
    return _("Knowledge of the community finance organisations, "
             "gathered from their learning circles");
}

const char *book_toc_title(void)
{
    return _("Contents");
}

const char *book_tags_label(void)
{
    return _("Key words");
}

char *book_scope_line(const struct book *b)
{
    if (b->scope)
        return book_printf(_("Tambon %s"), b->scope);
    return book_printf("%s", _("Nakhon Si Thammarat province, every tambon"));
}

char *book_counts_line(const struct book *b)
{
    return book_printf(_("%zu knowledge assets and %zu lessons"), b->assets,
                       b->lessons);
}

static const char *chapter_name(db_book_chapter c)
{
    switch (c) {
    case DB_BOOK_CH_FINANCE: return _("Finance");
    case DB_BOOK_CH_NATURAL_RESOURCES: return _("Natural resources");
    case DB_BOOK_CH_ENVIRONMENT: return _("Environment");
    case DB_BOOK_CH_LESSONS: return _("Lessons learned");
    default: return _("Other knowledge");
    }
}

char *book_chapter_heading(const struct book *b, size_t ci)
{
    const struct book_chapter *c = &b->chapters[ci];
    return book_printf(_("Chapter %d: %s"), c->number, chapter_name(c->id));
}

const char *book_origin_label(const char *origin)
{
    if (!origin)
        return NULL;
    return strcmp(origin, "book") == 0 ? _("Knowledge from books")
                                       : _("Knowledge from experience");
}

const char *book_lesson_kind_label(const char *kind)
{
    if (!kind)
        return NULL;
    if (strcmp(kind, "aar") == 0)
        return _("After-action review (AAR)");
    if (strcmp(kind, "bar") == 0)
        return _("Before-action review (BAR)");
    return _("Lesson synthesis");
}

size_t book_lesson_parts(const db_book_entry *e, const char *labels[4],
                         const char *texts[4])
{
    const char *const all_labels[4] = {
        _("What we expected"), _("What happened"), _("Why it happened"),
        _("Next time"),
    };
    const char *const all_texts[4] = {e->expected, e->happened, e->why,
                                      e->next_time};
    size_t n = 0;
    for (size_t i = 0; i < 4; i++) {
        if (!all_texts[i] || !all_texts[i][0])
            continue;
        labels[n] = all_labels[i];
        texts[n++] = all_texts[i];
    }
    return n;
}

void book_date(const char *iso, char *buf, size_t size)
{
    text_date d;
    if (text_date_parse(iso, strlen(iso), &d) != TP_OK ||
        text_date_format(d, false, buf, size) < 0)
        snprintf(buf, size, "%s", iso);
}

/* Appends one part of the source line, " · " between parts. */
static void part(FILE *m, bool *first, const char *label, const char *s)
{
    if (!s || !s[0])
        return;
    fputs(*first ? "" : " · ", m);
    if (label)
        fprintf(m, "%s ", label);
    fputs(s, m);
    *first = false;
}

char *book_source_line(const db_book_entry *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    bool first = true;
    char date[64] = "";
    if (e->date)
        book_date(e->date, date, sizeof date);
    if (e->meeting && date[0]) {
        char *md = book_printf("%s (%s)", e->meeting, date);
        part(m, &first, NULL, md);
        free(md);
    } else {
        part(m, &first, NULL, e->meeting);
        part(m, &first, NULL, date);
    }
    part(m, &first, NULL, e->person);
    part(m, &first, _("from the lesson"), e->lesson);
    part(m, &first, NULL, e->source_note);
    if (e->written_on) {
        book_date(e->written_on, date, sizeof date);
        part(m, &first, _("written on"), date);
    }
    fclose(m);
    if (first) {
        free(buf);
        return NULL;
    }
    char *line = book_printf("%s: %s", _("Source"), buf);
    free(buf);
    return line;
}

void book_paragraphs(const char *s, void (*fn)(void *ctx, const char *p,
                                               size_t n),
                     void *ctx)
{
    while (s && *s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        size_t a = 0;
        while (a < n && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
            a++;
        if (a < n)
            fn(ctx, s + a, n - a);
        s += n + (nl ? 1 : 0);
    }
}
