/* Who is using the program: the start-up choice (--user, the OS account,
 * or the identity screen) and what logging in sets. */
#include <stdio.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/paths.h"

static void add_role(void *ctx, const char *code, const char *name_th,
                     const char *name_en)
{
    struct app *a = ctx;
    if (a->n_roles >= APP_MAX_ROLES)
        return;
    size_t i = a->n_roles++;
    snprintf(a->roles[i], sizeof a->roles[0], "%s", code);
    snprintf(a->role_names[i], sizeof a->role_names[0], "%s",
             name_th ? name_th : code);
    snprintf(a->role_names_en[i], sizeof a->role_names_en[0], "%s",
             name_en ? name_en : code);
    a->role_ptrs[i] = a->roles[i];
}

bool app_logged_in(struct app *a, const char *user_id, const char *login,
                   const char *person_id)
{
    a->n_roles = 0;
    tp_status st = db_user_roles(a->db, user_id, add_role, a);
    if (st != TP_OK) {
        a->n_roles = 0;
        app_message(a, TA_ERROR, "%s: %s", _("Your roles cannot be read"),
                    tp_status_message(st));
        return false;
    }
    snprintf(a->user_id, sizeof a->user_id, "%s", user_id);
    snprintf(a->person_id, sizeof a->person_id, "%s", person_id ? person_id : "");
    snprintf(a->user, sizeof a->user, "%s", login);
    a->active_role = 0;
    db_set_user(a->db, login);
    db_set_roles(a->db, a->role_ptrs, a->n_roles);
    if (a->top && strcmp(a->top->ops->name, "login") == 0)
        app_pop(a);
    app_push(a, home_view_new(a));
    return true;
}

struct found {
    int count;
    bool has_pin;
    char id[DB_UUID_LEN], person[DB_UUID_LEN], login[64];
};

static void take_user(void *ctx, const db_user *u)
{
    struct found *f = ctx;
    if (f->count++ > 0)
        return;
    snprintf(f->id, sizeof f->id, "%s", u->user_id);
    snprintf(f->person, sizeof f->person, "%s", u->person_id ? u->person_id : "");
    snprintf(f->login, sizeof f->login, "%s", u->login);
    f->has_pin = u->has_pin;
}

void app_session_start(struct app *a, const char *login)
{
    struct found any = {0};
    /* A database without users (an old file, a single user's laptop) works
     * as before: no identity screen, the OS or --user name is shown. */
    if (!a->db || db_users(a->db, take_user, &any) != TP_OK || any.count == 0) {
        app_push(a, home_view_new(a));
        return;
    }
    struct found me = {0};
    char os_user[64];
    tp_status st;
    if (login) {
        st = db_user_by_login(a->db, login, take_user, &me);
    } else {
        paths_user_name(os_user, sizeof os_user);
        st = db_user_by_os_user(a->db, os_user, take_user, &me);
    }
    if (st == TP_OK && me.count > 0 && !me.has_pin &&
        app_logged_in(a, me.id, me.login, me.person))
        return;
    /* Until someone logs in, nobody is shown as the user. */
    a->user[0] = 0;
    bool found = st == TP_OK && me.count > 0;
    app_push(a, login_view_for(a, found ? me.id : NULL));
    if (login && !found)
        app_message(a, TA_ERROR, _("No user has the login %s; choose yourself "
                                   "from the list"), login);
}

bool app_command_user(struct app *a, const char *login)
{
    struct found any = {0}, me = {0};
    if (db_users(a->db, take_user, &any) != TP_OK || any.count == 0)
        return true;
    char os_user[64];
    if (!login)
        paths_user_name(os_user, sizeof os_user);
    tp_status st = login ? db_user_by_login(a->db, login, take_user, &me)
                         : db_user_by_os_user(a->db, os_user, take_user, &me);
    if (st != TP_OK || me.count == 0) {
        if (login)
            fprintf(stderr, "tapian: %s: %s\n", login,
                    _("no user has this login"));
        return !login;
    }
    a->n_roles = 0;
    if (db_user_roles(a->db, me.id, add_role, a) != TP_OK) {
        fprintf(stderr, "tapian: %s\n", _("Your roles cannot be read"));
        return false;
    }
    snprintf(a->user, sizeof a->user, "%s", me.login);
    db_set_user(a->db, me.login);
    db_set_roles(a->db, a->role_ptrs, a->n_roles);
    return true;
}
