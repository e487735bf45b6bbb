/* `tapian demo`: trainers show the workflow on a throw-away copy of the
 * pilot database, so nothing they do reaches a real file. db_open fills a
 * new file with the pilot data; the copy lives in a mkdtemp directory that
 * is removed at exit, and F8 makes it anew. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "tapian/i18n.h"
#include "tapian/kiosk.h"

static int remove_one(const char *path, const struct stat *sb, int flag,
                      struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* The directory itself stays: making it anew under the same name would
 * give another program a moment to take that name in /tmp. */
static int remove_inside(const char *path, const struct stat *sb, int flag,
                         struct FTW *ftw)
{
    return ftw->level == 0 ? 0 : remove_one(path, sb, flag, ftw);
}

/* The database, its -wal and -shm, and whatever the session wrote there. */
static void remove_tree(const char *dir, bool with_dir)
{
    nftw(dir, with_dir ? remove_one : remove_inside, 16, FTW_DEPTH | FTW_PHYS);
}

struct demo *demo_new(const char *screens_dir)
{
    struct demo *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    const char *tmp = getenv("TMPDIR");
    snprintf(d->dir, sizeof d->dir, "%s/tapian-demo-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(d->dir)) {
        perror("tapian: mkdtemp");
        free(d);
        return NULL;
    }
    snprintf(d->db_path, sizeof d->db_path, "%s/demo.db", d->dir);
    d->screens_dir = screens_dir;
    return d;
}

const char *demo_db_path(const struct demo *d)
{
    return d->db_path;
}

void demo_free(struct demo *d)
{
    if (!d)
        return;
    remove_tree(d->dir, true);
    free(d);
}

bool demo_reset(struct app *a)
{
    struct demo *d = a->demo;
    while (a->top)
        app_pop(a);
    app_undo_forget(a);
    screen_set_free(&a->screens);
    db_close(&a->db);
    remove_tree(d->dir, false);
    char err[512] = "";
    db_open_opts o = {.user = "demo"};
    if (db_open(d->db_path, &o, &a->db) != TP_OK ||
        app_load_screens(a, d->screens_dir, err, sizeof err) != TP_OK) {
        fprintf(stderr, "tapian: %s %s\n", _("the demo cannot start again"), err);
        a->quit = true;
        return false;
    }
    d->step = 0;
    d->paused = false;
    tour_go(a, 0);
    return true;
}
