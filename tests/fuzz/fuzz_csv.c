/* Fuzz target: the CSV importer (`tapian import TABLE FILE`, and the same
 * from a list). A CSV file comes from a spreadsheet on someone's laptop, so
 * any bytes must end in imported rows or line-numbered errors, never a crash,
 * and every message must be text a terminal can show as it is.
 * The first byte chooses the table, a dry run or a real one, skipping bad
 * rows into a rejects file, and whether the importer is an administrator
 * or holds only คุณกิจ's role (which may not write most tables); the rest is the file. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_state.h"
#include "tapian/csv_io.h"
#include "tapian/db_records.h"
#include "tapian/screen.h"
#include "tapian/text.h"

static struct fuzz_state csv_state;
static screen_set csv_screens;

static const char *const csv_tables[] = {
    "meeting", "person", "knowledge_asset", "lesson",
    "support_commitment", "finance_group", "six_step", "attendance",
};

/* Messages are printed on the terminal as they are. */
static void csv_message(void *ctx, const char *message)
{
    (void)ctx;
    size_t n = strlen(message);
    if (!text_valid_utf8(message, n, NULL))
        __builtin_trap();
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)message[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            __builtin_trap();
    }
}

/* Who may write each table, as the program registers it at start. */
static void register_permits(void)
{
    for (size_t i = 0; i < csv_screens.n; i++) {
        const screen *s = &csv_screens.screens[i];
        bool everyone = false;
        for (size_t r = 0; r < s->n_roles_edit; r++)
            everyone |= strcmp(s->roles_edit[r], "all") == 0;
        if (s->kind != SCREEN_RECORDS || !s->source || everyone)
            continue;
        for (size_t r = 0; r < s->n_roles_edit; r++)
            if (db_permit(csv_state.db, s->source, s->roles_edit[r]) != TP_OK)
                __builtin_trap();
    }
}

void fuzz_csv_done(void)
{
    screen_set_free(&csv_screens);
    fuzz_state_done(&csv_state);
}

int fuzz_csv_one(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (!csv_state.db) {
        char err[256];
        if (screen_load(NULL, &csv_screens, err, sizeof err) != TP_OK)
            __builtin_trap();
        fuzz_state_get(&csv_state, "csv", true);
        register_permits();
    }
    unsigned opt = data[0];
    size_t ntab = sizeof csv_tables / sizeof *csv_tables;
    const screen *s = screen_find(&csv_screens, csv_tables[opt % ntab]);
    if (!s || !fuzz_state_write(&csv_state, data + 1, size - 1))
        __builtin_trap();

    static const char *const kit[] = {"khun_kit"}, *const admin[] = {"admin"};
    db_set_roles(csv_state.db, opt & 0x20 ? kit : admin, 1);
    csv_import_opts o = {
        .dry_run = !(opt & 0x80),
        .skip_bad = opt & 0x40,
        .rejects_path = csv_state.extra,
        .on_error = csv_message,
    };
    csv_import_result r;
    memset(&r, 0, sizeof r);
    tp_status st = csv_import(csv_state.db, s, csv_state.input, &o, &r);
    /* counts add up, and a refusal wrote nothing */
    if (r.added < 0 || r.changed < 0 || r.unchanged < 0 || r.bad < 0)
        __builtin_trap();
    if (st == TP_ERR_INVALID && !o.skip_bad && r.bad == 0 && !r.refused)
        __builtin_trap();
    return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_csv_one(data, size);
}
#endif
