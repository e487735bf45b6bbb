/* screen: parsing screen files, refusals with FILE:LINE, the builtin set and
 * its overrides, texts in both languages and role checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_test_util.h"
#include "tapian/i18n.h"
#include "tapian/screen.h"

static const char good[] =
    "; a comment\n"                                          /* 1 */
    "[screen]\n"                                             /* 2 */
    "kind = records\n"                                       /* 3 */
    "title = การประชุม\n"                                    /* 4 */
    "title_en = Meetings\n"                                  /* 5 */
    "source = meeting\n"                                     /* 6 */
    "help = บรรทัดแรก\n"                                      /* 7 */
    "  ต่อกัน\n"                                              /* 8 */
    "  .\n"                                                  /* 9 */
    "  ย่อหน้าใหม่\n"                                          /* 10 */
    "order = held_on desc\n"                                 /* 11 */
    "search = title, purpose\n"                              /* 12 */
    "filters = tambon, date\n"                               /* 13 */
    "roles_edit = khun_banthuek,\n"                          /* 14 */
    "  khun_amnuay\n"                                        /* 15 */
    "\n"                                                     /* 16 */
    "[list]\n"                                               /* 17 */
    "held_on = 12 | วันที่ | Date\n"                          /* 18 */
    "circle = 20\n"                                          /* 19 */
    "\n"                                                     /* 20 */
    "[field circle]\n"                                       /* 21 */
    "type = choice\n"                                        /* 22 */
    "label = วง\n"                                            /* 23 */
    "label_en = Circle\n"                                    /* 24 */
    "required = yes\n"                                       /* 25 */
    "default = amnuay\n"                                     /* 26 */
    "choices = kit | วงคุณกิจ | Practitioners' circle\n"     /* 27 */
    "  amnuay | วงคุณอำนวย\n"                                 /* 28 */
    "\n"                                                     /* 29 */
    "[field reported_count]\n"                               /* 30 */
    "type = number   ; a headcount\n"                        /* 31 */
    "label = จำนวน\n"                                         /* 32 */
    "min = 0\n"                                              /* 33 */
    "max = 500\n"                                            /* 34 */
    "[field attendees]\n"                                    /* 35 */
    "type = multiref\n"                                      /* 36 */
    "label = ผู้เข้าร่วม\n"                                     /* 37 */
    "ref = person\n"                                         /* 38 */
    "via = attendance\n"                                     /* 39 */
    "via_self = meeting_id\n"                                /* 40 */
    "via_other = person_id\n";                               /* 41 */

static void parse_ok(const char *text, screen *s)
{
    char err[256] = "";
    tp_status st = screen_parse("dir/meeting.ini", text, strlen(text), s, err,
                                sizeof err);
    if (st != TP_OK)
        fail_msg("%s", err);
}

static void test_parse_good(void **state)
{
    (void)state;
    screen s;
    parse_ok(good, &s);
    assert_string_equal(s.name, "meeting");
    assert_string_equal(s.file, "dir/meeting.ini");
    assert_int_equal(s.kind, SCREEN_RECORDS);
    assert_string_equal(s.title, "การประชุม");
    assert_string_equal(s.help, "บรรทัดแรก ต่อกัน\nย่อหน้าใหม่");
    assert_string_equal(s.source, "meeting");
    assert_int_equal(s.source_line, 6);
    assert_string_equal(s.order, "held_on");
    assert_true(s.order_desc);
    assert_int_equal(s.n_search, 2);
    assert_string_equal(s.search[1], "purpose");
    assert_int_equal(s.n_filters, 2);
    assert_int_equal(s.n_roles_edit, 2);
    assert_string_equal(s.roles_edit[1], "khun_amnuay");
    assert_int_equal(s.n_roles_view, 1); /* default: everyone */
    assert_string_equal(s.roles_view[0], "all");
    assert_int_equal(s.n_columns, 2);
    assert_int_equal(s.columns[0].width, 12);
    assert_string_equal(s.columns[0].label_en, "Date");
    assert_int_equal(s.columns[1].line, 19);
    /* a column without labels takes its field's */
    assert_string_equal(s.columns[1].label, "วง");
    assert_string_equal(s.columns[1].label_en, "Circle");
    assert_int_equal(s.n_fields, 3);
    const screen_field *f = &s.fields[0];
    assert_string_equal(f->name, "circle");
    assert_int_equal(f->type, SF_CHOICE);
    assert_int_equal(f->line, 21);
    assert_true(f->required);
    assert_string_equal(f->default_value, "amnuay");
    assert_int_equal(f->n_choices, 2);
    assert_string_equal(f->choices[0].label_en, "Practitioners' circle");
    assert_string_equal(f->choices[1].label, "วงคุณอำนวย");
    assert_null(f->choices[1].label_en);
    f = &s.fields[1];
    assert_int_equal(f->type, SF_NUMBER); /* the inline comment is dropped */
    assert_true(f->has_min && f->has_max);
    assert_true(f->min == 0 && f->max == 500);
    f = &s.fields[2];
    assert_int_equal(f->type, SF_MULTIREF);
    assert_string_equal(f->via_other, "person_id");
    assert_string_equal(f->ref_label, "name"); /* the default */
    screen_free(&s);
}

struct refusal {
    const char *text;
    const char *expect; /* "t.ini:LINE: ..." prefix and a word of the message */
    const char *word;
};

#define HEAD "[screen]\ntitle = T\nsource = meeting\n[list]\ntitle = 10\n"
/* HEAD is 5 lines; a field section starting on line 6 follows. */
#define FIELD "[field title]\nlabel = L\n"

static const struct refusal refusals[] = {
    {HEAD "[fields x]\n", "t.ini:6: ", "unknown section"},
    {HEAD FIELD "colour = red\n", "t.ini:8: ", "unknown key 'colour'"},
    {HEAD FIELD "type = txt\n", "t.ini:8: ", "unknown type 'txt'"},
    {HEAD FIELD "type = number\nmin = 1O\n", "t.ini:9: ", "not a number"},
    {HEAD FIELD "type = text\nmax_length = -3\n", "t.ini:9: ", "whole number"},
    {"[screen]\ntitle = T\nsource = meeting\n[list]\ntitle = wide\n" FIELD,
     "t.ini:5: ", "not a whole number"},
    {HEAD FIELD "[field circle]\ntype = choice\nlabel = วง\n", "t.ini:8: ",
     "needs choices"},
    {HEAD FIELD "[field p]\ntype = ref\nlabel = P\n", "t.ini:8: ",
     "needs ref = TABLE"},
    {HEAD FIELD "[field a]\ntype = multiref\nlabel = A\nref = person\n"
          "via = attendance\n",
     "t.ini:8: ", "needs via, via_self and via_other"},
    {HEAD FIELD "\n[field title]\nlabel = again\n", "t.ini:9: ",
     "defined twice (first on line 6)"},
    {"[screen]\nsource = meeting\n[list]\ntitle = 10\n" FIELD, "t.ini:1: ",
     "needs a title"},
    {"\n[screen]\ntitle = T\n[list]\ntitle = 10\n" FIELD, "t.ini:2: ",
     "needs a source"},
    {"title = T\n", "t.ini:1: ", "before any [section]"},
    {HEAD FIELD "label = twice\n", "t.ini:8: ", "given twice (first on line 7)"},
    {HEAD FIELD "type = text\n  multiline\n", "t.ini:9: ", "single line"},
    {HEAD "a = 40\nb = 30\n" FIELD, "t.ini:4: ", "at most 78 fit"},
    {"[screen]\ntitle = T\nsource = meeting\nroles_edit = khun_boss\n",
     "t.ini:4: ", "unknown role 'khun_boss'"},
    {HEAD FIELD "type = text\nmin = 3\n", "t.ini:9: ", "does not apply"},
    {HEAD FIELD "type = date\nmin = 3\n", "t.ini:9: ", "'today' or a date"},
    {HEAD FIELD "type = number\nmax = today\n", "t.ini:9: ", "is a number"},
    {HEAD FIELD "type = date\nmin = 2005-10-11\nmax = 2005-01-01\n",
     "t.ini:10: ", "max is before min"},
    {HEAD FIELD "this line has no equals sign\n", "t.ini:8: ", "expected"},
    {HEAD FIELD "type = choice\nchoices = a | A\ndefault = b\n", "t.ini:10: ",
     "default 'b'"},
    {HEAD "[list\n", "t.ini:6: ", "without ']'"},
    {"[screen]\ntitle = T\nkind = view\n[list]\na = 3 | A\n", "t.ini:4: ",
     "view screen"},
    {HEAD FIELD "help = bad \xff byte\n", "t.ini:8: ", "UTF-8"},
};

static void test_refusals(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++) {
        const struct refusal *r = &refusals[i];
        screen s;
        char err[256] = "";
        tp_status st = screen_parse("t.ini", r->text, strlen(r->text), &s, err,
                                    sizeof err);
        if (st != TP_ERR_INVALID || strncmp(err, r->expect, strlen(r->expect)) ||
            !strstr(err, r->word))
            fail_msg("case %zu: status %d, message '%s'; expected '%s...%s'", i,
                     (int)st, err, r->expect, r->word);
        assert_null(s.title); /* nothing is left behind */
        assert_int_equal(s.n_fields, 0);
    }
}

/* inih's default line buffer is 200 bytes, about 66 Thai letters: longer
 * lines must still arrive whole, and the lines after them keep their
 * numbers. */
/* A date field's range: "today" or an ISO date, in either order of keys. */
static void test_date_range_keys(void **state)
{
    (void)state;
    const char *text = HEAD FIELD "[field held_on]\nmax = today\nlabel = L\n"
                            "min = 2005-01-01\ntype = date\n";
    screen s;
    char err[256] = "";
    tp_status st = screen_parse("t.ini", text, strlen(text), &s, err, sizeof err);
    if (st != TP_OK)
        fail_msg("%s", err);
    assert_string_equal(s.fields[1].date_min, "2005-01-01");
    assert_string_equal(s.fields[1].date_max, "today");
    assert_false(s.fields[1].has_min || s.fields[1].has_max);
    screen_free(&s);
}

static void test_long_thai_line(void **state)
{
    (void)state;
    char *text = malloc(20000);
    assert_non_null(text);
    strcpy(text, "[screen]\ntitle = T\nsource = meeting\nhelp = ");
    for (int i = 0; i < 1000; i++)
        strcat(text, "ปลา");
    strcat(text, "\n[list]\ntitle = 10\n[field title]\nlabel = L\nbad = 1\n");
    screen s;
    char err[256] = "";
    assert_int_equal(screen_parse("t.ini", text, strlen(text), &s, err,
                                  sizeof err), TP_ERR_INVALID);
    assert_string_equal(err, "t.ini:9: unknown key 'bad' in [field title]");
    text[strlen(text) - strlen("bad = 1\n")] = 0;
    parse_ok(text, &s);
    assert_int_equal(strlen(s.help), 9000);
    screen_free(&s);
    free(text);
}

static void test_builtin_screens(void **state)
{
    (void)state;
    screen_set set;
    char err[256] = "";
    assert_int_equal(screen_load(NULL, &set, err, sizeof err), TP_OK);
    assert_string_equal(err, "");
    assert_true(set.n >= 25);
    const screen *m = screen_find(&set, "meeting");
    assert_non_null(m);
    assert_string_equal(m->file, "builtin/meeting.ini");
    assert_ptr_equal(screen_for_table(&set, "meeting"), m);
    assert_null(screen_find(&set, "nosuch"));
    assert_null(screen_for_table(&set, "audit_log"));
    for (size_t i = 0; i < set.n; i++) {
        const screen *s = &set.screens[i];
        int total = -1;
        for (size_t c = 0; c < s->n_columns; c++)
            total += s->columns[c].width + 1;
        assert_true(total <= 78);
        assert_non_null(s->title_en);
        for (size_t f = 0; f < s->n_fields; f++)
            assert_non_null(s->fields[f].label_en);
        /* admin may change every screen through its own role too */
        bool admin = false;
        for (size_t r = 0; r < s->n_roles_edit; r++)
            admin |= strcmp(s->roles_edit[r], "admin") == 0;
        if (!admin)
            fail_msg("%s: roles_edit lacks admin", s->name);
    }
    screen_set_free(&set);
    assert_int_equal(set.n, 0);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_bytes(path, -1, text, strlen(text));
}

static void test_directory_overrides(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    write_file(t.dir, "meeting.ini", HEAD FIELD);
    write_file(t.dir, "extra.ini",
               "[screen]\nkind = view\ntitle = กระดานหกขั้น\nroles_view = khun_amnuay\n");
    write_file(t.dir, "README.txt", "not a screen");
    screen_set set;
    char err[512] = "";
    assert_int_equal(screen_load(t.dir, &set, err, sizeof err), TP_OK);
    const screen *m = screen_find(&set, "meeting");
    assert_non_null(m);
    assert_string_equal(m->title, "T");
    assert_int_equal(m->n_fields, 1);
    const screen *x = screen_find(&set, "extra");
    assert_non_null(x);
    assert_int_equal(x->kind, SCREEN_VIEW);
    assert_non_null(screen_find(&set, "lesson")); /* builtins stay */
    size_t n = set.n;
    screen_set_free(&set);

    screen_set again;
    assert_int_equal(screen_load(NULL, &again, err, sizeof err), TP_OK);
    assert_int_equal(again.n + 1, n); /* extra was added, meeting replaced */
    screen_set_free(&again);

    write_file(t.dir, "zz_bad.ini", "[screen]\ntitle = T\nsource = x\nwat = 1\n");
    assert_int_equal(screen_load(t.dir, &set, err, sizeof err), TP_ERR_INVALID);
    char want[300];
    snprintf(want, sizeof want, "%s/zz_bad.ini:4: unknown key 'wat'", t.dir);
    assert_true(strncmp(err, want, strlen(want)) == 0);
    assert_int_equal(set.n, 0);
    assert_int_equal(screen_load("/nonexistent/screens", &set, err, sizeof err),
                     TP_ERR_IO);
    tdir_remove(&t);
}

static void test_texts_by_language(void **state)
{
    (void)state;
    screen s;
    parse_ok(good, &s);
    i18n_set_english(false);
    assert_string_equal(screen_title(&s), "การประชุม");
    assert_string_equal(screen_field_label(&s.fields[0]), "วง");
    assert_string_equal(screen_column_label(&s.columns[0]), "วันที่");
    assert_string_equal(screen_choice_label(&s.fields[0].choices[0]), "วงคุณกิจ");
    assert_string_equal(screen_help(&s), "บรรทัดแรก ต่อกัน\nย่อหน้าใหม่");
    i18n_set_english(true);
    assert_string_equal(screen_title(&s), "Meetings");
    assert_string_equal(screen_field_label(&s.fields[0]), "Circle");
    assert_string_equal(screen_column_label(&s.columns[0]), "Date");
    assert_string_equal(screen_choice_label(&s.fields[0].choices[0]),
                        "Practitioners' circle");
    /* no English given: the Thai stands in */
    assert_string_equal(screen_choice_label(&s.fields[0].choices[1]), "วงคุณอำนวย");
    assert_string_equal(screen_field_label(&s.fields[1]), "จำนวน");
    assert_string_equal(screen_help(&s), "บรรทัดแรก ต่อกัน\nย่อหน้าใหม่");
    i18n_set_english(false);
    screen_free(&s);
}

static void test_roles(void **state)
{
    (void)state;
    screen s;
    parse_ok(good, &s);
    const char *kit[] = {"khun_kit"};
    const char *rec[] = {"khun_kit", "khun_banthuek"};
    const char *adm[] = {"admin"};
    assert_true(screen_may_view(&s, kit, 1));
    assert_true(screen_may_view(&s, NULL, 0)); /* roles_view = all */
    assert_false(screen_may_edit(&s, kit, 1));
    assert_true(screen_may_edit(&s, rec, 2));
    assert_true(screen_may_edit(&s, adm, 1));
    assert_false(screen_may_edit(&s, NULL, 0));
    screen_free(&s);

    static const char admin_only[] =
        "[screen]\nkind = view\ntitle = U\nroles_view = admin\n";
    parse_ok(admin_only, &s);
    assert_false(screen_may_view(&s, rec, 2));
    assert_true(screen_may_view(&s, adm, 1));
    assert_false(screen_may_edit(&s, rec, 2));
    screen_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_good),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_date_range_keys),
        cmocka_unit_test(test_long_thai_line),
        cmocka_unit_test(test_builtin_screens),
        cmocka_unit_test(test_directory_overrides),
        cmocka_unit_test(test_texts_by_language),
        cmocka_unit_test(test_roles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
