/* Kiosk mode on a shared machine in a tambon office: the settings, the idle
 * lock back to the identity screen, and the sync folder's last exchange. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "tapian/db_records.h"
#include "tapian/db_setting.h"
#include "tapian/i18n.h"
#include "tapian/kiosk.h"

#define DEFAULT_IDLE_MINUTES 10

void kiosk_configure(struct app *a, bool forced, int idle_seconds)
{
    char v[256];
    a->kiosk = forced ||
               (db_setting_get(a->db, "kiosk", v, sizeof v) == TP_OK &&
                strcmp(v, "1") == 0);
    if (db_setting_get(a->db, "sync_dir", v, sizeof v) == TP_OK)
        snprintf(a->sync_dir, sizeof a->sync_dir, "%s", v);
    if (!a->kiosk)
        return;
    int minutes = DEFAULT_IDLE_MINUTES;
    if (db_setting_get(a->db, "kiosk_idle_minutes", v, sizeof v) == TP_OK)
        minutes = atoi(v);
    a->idle_lock_seconds = idle_seconds > 0 ? idle_seconds
                                            : (minutes > 0 ? minutes * 60 : 0);
    a->last_key_ms = app_now_ms();
}

void kiosk_key(struct app *a)
{
    a->last_key_ms = app_now_ms();
}

void kiosk_idle(struct app *a)
{
    if (!a->kiosk || a->idle_lock_seconds <= 0 || !a->user_id[0])
        return;
    if (app_now_ms() - a->last_key_ms < (long long)a->idle_lock_seconds * 1000)
        return;
    /* Drafts are stored under the login, so they wait for its return. */
    app_save_drafts(a);
    while (a->top)
        app_pop(a);
    a->user_id[0] = a->person_id[0] = a->user[0] = 0;
    a->n_roles = 0;
    db_set_roles(a->db, NULL, 0);
    db_set_user(a->db, NULL);
    app_undo_forget(a);
    app_push(a, login_view_new(a));
    app_message(a, TA_NOTICE, "%s",
                _("Locked after a while without keys; your typing is kept"));
    a->last_key_ms = app_now_ms();
}

void sync_info(const char *dir, char *buf, size_t size)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(buf, size, "%s: %s %s", _("Sync"), _("folder missing"), dir);
        return;
    }
    time_t newest = 0;
    char path[4096];
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime > newest)
            newest = st.st_mtime;
    }
    closedir(d);
    if (!newest) {
        snprintf(buf, size, "%s: %s %s", _("Sync"), _("no exchange yet"), dir);
        return;
    }
    char when[32];
    struct tm tm;
    localtime_r(&newest, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    /* The time first: the status line clips the folder's name if need be. */
    const char *base = strrchr(dir, '/');
    snprintf(buf, size, "%s %s %s", _("Sync"), when,
             base && base[1] ? base + 1 : dir);
}
