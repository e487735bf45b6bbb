/* app — the event loop, the view stack, the global key map. */
#ifndef TAPIAN_APP_H
#define TAPIAN_APP_H

#include <stdbool.h>

#include "tapian/db.h"
#include "tapian/screen.h"
#include "tapian/term.h"

struct app;
struct view;

/* What a handler did with an event. UNKNOWN lets it fall through to the next
 * handler in the chain (focused widget → view → global map). */
typedef enum {
    H_UNKNOWN = 0,
    H_HANDLED = 1 << 0,
    H_REDRAW = 1 << 1, /* with HANDLED: something on screen changed */
    H_CLOSE = 1 << 2   /* the view is finished: pop it */
} handler_result;

/* One line of a view's help: a key and what it does. */
typedef struct {
    const char *key;  /* as shown, e.g. "F2" */
    const char *what; /* gettext msgid */
} view_key_help;

struct view_ops {
    const char *name;
    /* Title shown in the title bar (translated). */
    const char *(*title)(struct view *v);
    /* Draws the body: rows top..top+height-1 of stdscr, all columns.
     * Sets *cy and *cx to where the cursor belongs, or leaves them -1. */
    void (*draw)(struct app *a, struct view *v, int top, int height, int *cy,
                 int *cx);
    int (*handle)(struct app *a, struct view *v, const term_event *ev);
    /* True when the view holds typed text that is not saved as a record. */
    bool (*unsaved)(struct view *v);
    /* Saves what is typed as a draft (autosave, hang-up, quit). */
    void (*save_draft)(struct app *a, struct view *v);
    void (*destroy)(struct view *v);
    const view_key_help *keys; /* ends with {NULL, NULL} */
    /* True when printable keys go to a text field (so q and ? are text). */
    bool (*typing)(struct view *v);
    /* The view is on top again after the one above it closed. */
    void (*on_top)(struct view *v);
    /* Help text of the view (from its screen file), or NULL. */
    const char *(*help)(struct view *v);
    /* The keys as they are now (e.g. with the focused field's), or NULL
     * when they are always `keys`. */
    const view_key_help *(*keys_now)(struct view *v);
};

/* The keys a view offers at this moment (keys_now, else keys). */
const view_key_help *app_view_keys(struct view *v);

struct view {
    const struct view_ops *ops;
    struct view *below;
};

/* Global actions: X(id, key, char, label, help). The enum, the key help line
 * and the help screen are all made from this list. */
#define APP_ACTIONS(X)                                                        \
    X(ACT_HELP, TK_F1, '?', N_("Help"), N_("Show the keys of this screen"))  \
    X(ACT_QUIT, TK_F10, 'q', N_("Quit"), N_("Leave tapian (asks when something is not saved)")) \
    X(ACT_KEYBOARD, TK_NONE, '`', N_("Thai/ENG"),                             \
      N_("Switch the built-in Thai keyboard (Kedmanee) on or off"))           \
    X(ACT_LANGUAGE, TK_F9, 0, N_("Thai/English"),                          \
      N_("Switch the language of the screens between Thai and English"))     \
    X(ACT_REDRAW, TK_CTRL_L, 0, N_("Redraw"),                   \
      N_("Redraw the whole screen (Ctrl-L)"))

typedef enum {
#define APP_ACTION_ENUM(id, key, ch, label, help) id,
    APP_ACTIONS(APP_ACTION_ENUM)
#undef APP_ACTION_ENUM
    ACT_COUNT
} app_action;

typedef struct {
    const char *db_path;
    const char *user;   /* shown in the status line */
    bool read_only;
} app_opts;

#define APP_MAX_ROLES 8

struct app {
    tp_db *db;
    const char *db_path;
    screen_set screens;
    /* who is using the program */
    char user_id[37];           /* app_user.id; "" before login */
    char person_id[37];
    char roles[APP_MAX_ROLES][32]; /* role codes held */
    size_t n_roles;
    const char *role_ptrs[APP_MAX_ROLES]; /* roles[i], for the APIs */
    char role_names[APP_MAX_ROLES][64];  /* Thai names, for the status line */
    char role_names_en[APP_MAX_ROLES][64];
    int active_role;            /* index into roles: whose home menu */
    struct app_change *last_change; /* what u undoes */
    bool backup_due;            /* the daily backup is still to be checked */
    db_backup_job *backup_job;  /* the daily backup under way, or NULL */
    struct view *top;
    bool quit;
    bool thai_keyboard;
    bool too_small;
    bool dirty;
    char user[64];
    char message[256];
    term_attr message_attr;
    /* kiosk mode (kiosk.c): quitting asks the admin PIN, idle locks */
    bool kiosk;
    /* --slow-link: a list's current row is marked with > in the margin
     * instead of drawn highlighted, so moving it rewrites two cells rather
     * than two whole rows (about half the bytes of a line scrolled) */
    bool slow_link;
    int idle_lock_seconds;      /* 0 = never */
    long long last_key_ms;      /* monotonic time of the last key */
    char sync_dir[256];         /* setting sync_dir, shown with its newest file */
    struct demo *demo;          /* `tapian demo` (demo.c), else NULL */
    bool builtin_unchecked;     /* app_load_screens_first left them */
    char screens_err[512];      /* why app_run stopped at a screen file */
};

/* Minimum size of the full layout. */
#define APP_MIN_COLS 80
#define APP_MIN_ROWS 24

/* Runs the loop until the user quits, the script ends or the line drops.
 * Returns the exit status: 1 when a built-in screen failed its check
 * (screens_err says why). */
int app_run(struct app *a);

void app_push(struct app *a, struct view *v);
void app_pop(struct app *a);
/* A one-line message in the status line until the next key. */
void app_message(struct app *a, term_attr attr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Saves drafts of every open view. */
void app_save_drafts(struct app *a);
bool app_unsaved(const struct app *a);
/* Monotonic milliseconds, for idle times. */
long long app_now_ms(void);

/* After the identity screen: records who is logged in (user_id, person_id,
 * roles, the db layer's login and roles) and shows that role's home. Returns
 * false (with a message) when the user's roles cannot be read. */
bool app_logged_in(struct app *a, const char *user_id, const char *login,
                   const char *person_id);

/* Chooses the first view: with users in the database, the user named by
 * login (--user), else the one whose os_user is this OS account, else the
 * identity screen; a PIN is asked when set. Without users, the home view. */
void app_session_start(struct app *a, const char *login);
/* For a command: the db connection writes as the user named by login
 * (--user), else the one linked to the OS account, with that user's roles;
 * with neither, no roles (then lists whose screens name who may change them
 * refuse). Returns false, with a message on stderr, when login names nobody
 * in a database that has users. */
bool app_command_user(struct app *a, const char *login);

/* Loads and checks the screen files (dir may be NULL) and registers with the
 * db layer which roles may write which table. On error err holds
 * "FILE:LINE: message". */
tp_status app_load_screens(struct app *a, const char *dir, char *err,
                           size_t errsize);
/* The same for the full-screen program, except that the built-in screens
 * are checked by app_check_builtin_screens, which app_run calls once the
 * first screen is drawn and before the first key is handled: they come with
 * the program, and fail only in a file whose schema something other than
 * tapian has changed. Screens from dir are checked here, before anything is
 * drawn, as the person editing them expects. */
tp_status app_load_screens_first(struct app *a, const char *dir, char *err,
                                 size_t errsize);
/* Checks the built-in screens if app_load_screens_first left them. */
tp_status app_check_builtin_screens(struct app *a, char *err, size_t errsize);

/* The role codes held, as an array for screen_may_* and db_set_roles. */
const char *const *app_role_codes(const struct app *a);

/* The last change of this session, so that u can undo it. */
typedef enum { CHANGE_ADD, CHANGE_EDIT, CHANGE_DELETE } change_kind;
/* version: the row's version after the change. For an edit, the columns and
 * their values before it (NULL for SQL NULL). */
void app_undo_remember(struct app *a, change_kind kind, const char *table,
                       const char *id, long long version,
                       const char *const *columns, const char *const *old,
                       size_t n);
void app_undo(struct app *a);
void app_undo_forget(struct app *a);

/* Views */
/* The list of a records screen; NULL for a screen without columns. */
struct view *list_view_new(struct app *a, const screen *s);
/* The form of a record (id NULL: a new one). */
struct view *form_view_new(struct app *a, const screen *s, const char *id);
/* The form of a new record with some fields filled in (stored values by
 * column name, e.g. a plan and an ISO date); they count as typed. */
struct view *form_view_new_filled(struct app *a, const screen *s,
                                  const char *const *names,
                                  const char *const *values, size_t n);
struct view *home_view_new(struct app *a);
/* Every records screen the user may see, searchable by name or title. */
struct view *index_view_new(struct app *a);
/* Choose yourself from the users (Thai order, searchable), then the PIN. */
struct view *login_view_new(struct app *a);
/* The same with user_id already chosen (its PIN asked); NULL = none. */
struct view *login_view_for(struct app *a, const char *user_id);
/* Set or change the logged-in user's PIN (the old one asked when set). */
struct view *pin_view_new(struct app *a);
struct view *help_view_new(struct view *about);
struct view *note_view_new(struct app *a);
/* Print the provincial textbook: asks the format and file, shows progress. */
struct view *book_view_new(struct app *a);
/* Print the blank register of a format version: asks the format and file. */
struct view *register_view_new(struct app *a, const char *version_id);
/* The province dashboard (screen dashboard). */
struct view *dashboard_view_new(struct app *a, const screen *s);
/* The KM self-assessment: table, river diagram, ranking. */
struct view *assess_view_new(struct app *a, const screen *s);
/* A yes/no question; on yes, on_yes(a, ctx) runs. */
struct view *confirm_view_new(const char *question,
                              void (*on_yes)(struct app *a, void *ctx),
                              void *ctx);

/* The chrome around the views: title, status and key help lines. */
void chrome_draw(struct app *a);
void chrome_draw_too_small(struct app *a, int rows, int cols);

#endif
