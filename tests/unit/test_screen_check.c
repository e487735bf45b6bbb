/* screen_check: every builtin screen fits the schema of a new database, and
 * a screen that does not is refused with the line to fix. The choices and
 * role codes of the screens are compared with the schema itself (through
 * the stock sqlite3 shell, since only the db module links SQLite). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/screen.h"

static struct tdir dir;
static tp_db *db;

static int setup(void **state)
{
    (void)state;
    tdir_make(&dir);
    db = open_new(dir.db);
    return db ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    db_close(&db);
    tdir_remove(&dir);
    return 0;
}

static void test_every_builtin_passes(void **state)
{
    (void)state;
    screen_set set;
    char err[512] = "";
    assert_int_equal(screen_load(NULL, &set, err, sizeof err), TP_OK);
    assert_true(set.n >= 25);
    for (size_t i = 0; i < set.n; i++)
        if (screen_check(&set.screens[i], db, err, sizeof err) != TP_OK)
            fail_msg("%s", err);
    screen_set_free(&set);
}

static tp_status check_text(const char *text, char *err, size_t n)
{
    screen s;
    tp_status st = screen_parse("t.ini", text, strlen(text), &s, err, n);
    if (st != TP_OK)
        fail_msg("parse: %s", err);
    st = screen_check(&s, db, err, n);
    screen_free(&s);
    return st;
}

#define HEAD "[screen]\ntitle = T\nsource = meeting\nsearch = title\n" \
             "[list]\nheld_on = 12\n[field held_on]\ntype = date\nlabel = D\n"
/* HEAD ends on line 9. */

static const struct {
    const char *text, *expect;
} bad[] = {
    {HEAD "[field titel]\nlabel = X\n",
     "t.ini:10: field 'titel' is not a column of 'meeting'"},
    {"[screen]\ntitle = T\nsource = meetings\n[list]\nheld_on = 12 | D\n"
     "[field held_on]\nlabel = D\n",
     "t.ini:3: source 'meetings' is not a table"},
    {"[screen]\ntitle = T\nsource = meeting\n[list]\nheld_on = 12\nvenu = 9 | V\n"
     "[field held_on]\ntype = date\nlabel = D\n",
     "t.ini:6: list column 'venu' is not a column of 'meeting'"},
    {HEAD "[field attendee_count]\ntype = money\nlabel = X\n[field title]\n"
          "type = number\nlabel = X\n",
     "t.ini:13: field 'title': a number field cannot be kept in a column "
     "declared TEXT"},
    {HEAD "[field title]\ntype = date\nlabel = X\n[field held_on2]\nlabel = Y\n",
     "t.ini:13: field 'held_on2' is not a column"},
    {HEAD "[field place_id]\ntype = ref\nref = person\nlabel = P\n",
     "t.ini:10: field 'place_id': meeting.place_id does not refer to 'person'"},
    {HEAD "[field place_id]\ntype = ref\nref = place\nref_label = nam\nlabel = P\n",
     "t.ini:10: field 'place_id': 'place' has no column 'nam'"},
    {HEAD "[field place_id]\ntype = ref\nref = place\nref_order = rank\nlabel = P\n",
     "t.ini:10: field 'place_id': 'place' has no column 'rank' to order by"},
    {HEAD "[field who]\ntype = multiref\nref = person\nvia = attendance\n"
          "via_self = person_id\nvia_other = meeting_id\nlabel = W\n",
     "t.ini:10: field 'who': attendance.person_id does not refer to 'meeting'"},
    {HEAD "[field who]\ntype = multiref\nref = person\nvia = attendants\n"
          "via_self = meeting_id\nvia_other = person_id\nlabel = W\n",
     "t.ini:10: field 'who': via 'attendants' is not a table"},
    {HEAD "[field version]\ntype = number\nlabel = V\n",
     "t.ini:10: column 'version' is kept by the program"},
    {"[screen]\ntitle = T\nsource = meeting\norder = when\n[list]\nheld_on = 12\n"
     "[field held_on]\ntype = date\nlabel = D\n",
     "t.ini:4: order: 'when' is not a column of 'meeting'"},
    {"[screen]\ntitle = T\nsource = meeting\nfilters = group\n[list]\n"
     "held_on = 12\n[field held_on]\ntype = date\nlabel = D\n",
     "t.ini:4: filter 'group' needs a ref = finance_group field"},
};

static void test_refusals(void **state)
{
    (void)state;
    char err[512];
    assert_int_equal(check_text(HEAD, err, sizeof err), TP_OK);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = 0;
        tp_status st = check_text(bad[i].text, err, sizeof err);
        if (st != TP_ERR_INVALID ||
            strncmp(err, bad[i].expect, strlen(bad[i].expect)) != 0)
            fail_msg("case %zu: '%s', expected '%s'", i, err, bad[i].expect);
    }
}

/* The shell's output of one query, one row per line. */
static char *shell_rows(const char *sql)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' \"%s\" 2>/dev/null", dir.db, sql);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, n;
    char *buf = malloc(cap);
    if (buf) {
        n = fread(buf, 1, cap - 1, p);
        buf[n] = 0;
    }
    pclose(p);
    return buf;
}

/* Every choice value of a choice field appears quoted in the column's
 * CHECK (x IN (...)) list of the table's SQL, and the list has no values the
 * screen lacks: the number of quoted words in the column's IN (...) equals
 * the number of choices. */
static void check_choices(const screen *s, const screen_field *f,
                          const char *sql)
{
    char pat[160];
    snprintf(pat, sizeof pat, "%s IN (", f->name);
    const char *in = strstr(sql, pat);
    if (!in)
        fail_msg("%s.%s: no CHECK (%s IN ...) in the schema", s->source,
                 f->name, f->name);
    const char *end = strchr(in, ')');
    assert_non_null(end);
    size_t quoted = 0;
    for (const char *q = in; q < end; q++)
        quoted += *q == '\'';
    if (quoted != 2 * f->n_choices)
        fail_msg("%s.%s: %zu choices, the schema allows %zu", s->source,
                 f->name, f->n_choices, quoted / 2);
    for (size_t c = 0; c < f->n_choices; c++) {
        char want[80];
        snprintf(want, sizeof want, "'%s'", f->choices[c].value);
        const char *hit = strstr(in, want);
        if (!hit || hit > end)
            fail_msg("%s.%s: choice '%s' is not allowed by the schema",
                     s->source, f->name, f->choices[c].value);
    }
}

static void test_choices_match_schema(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    screen_set set;
    char err[256];
    assert_int_equal(screen_load(NULL, &set, err, sizeof err), TP_OK);
    size_t checked = 0;
    for (size_t i = 0; i < set.n; i++) {
        const screen *s = &set.screens[i];
        char q[200];
        snprintf(q, sizeof q,
                 "SELECT sql FROM sqlite_master WHERE type='table' AND name='%s'",
                 s->source);
        char *sql = shell_rows(q);
        assert_non_null(sql);
        for (size_t f = 0; f < s->n_fields; f++)
            if (s->fields[f].type == SF_CHOICE) {
                check_choices(s, &s->fields[f], sql);
                checked++;
            }
        free(sql);
    }
    assert_true(checked >= 15);
    screen_set_free(&set);
}

/* The role codes the parser accepts are the schema's, plus admin and all. */
static void test_roles_match_schema(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    char *codes = shell_rows("SELECT code FROM role ORDER BY sort");
    assert_non_null(codes);
    size_t n = 0;
    for (char *line = strtok(codes, "\n"); line; line = strtok(NULL, "\n")) {
        char text[200];
        snprintf(text, sizeof text,
                 "[screen]\nkind = view\ntitle = T\nroles_edit = %s\n", line);
        screen s;
        char err[256];
        if (screen_parse("t.ini", text, strlen(text), &s, err, sizeof err))
            fail_msg("role %s refused: %s", line, err);
        screen_free(&s);
        n++;
    }
    free(codes);
    assert_int_equal(n, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_builtin_passes),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_choices_match_schema),
        cmocka_unit_test(test_roles_match_schema),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
