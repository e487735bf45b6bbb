/* Kiosk mode and the trainer's demo: what the event loop asks of them. */
#ifndef TAPIAN_KIOSK_H
#define TAPIAN_KIOSK_H
#include <stdbool.h>
#include <stddef.h>

#include "tapian/app.h"

/* Kiosk on when forced (--kiosk) or the setting kiosk is 1; the idle lock
 * after idle_seconds (> 0, --idle-seconds) or the setting
 * kiosk_idle_minutes (default 10); sync_dir read from the settings. */
void kiosk_configure(struct app *a, bool forced, int idle_seconds);
/* Every key: the idle clock starts again. */
void kiosk_key(struct app *a);
/* The idle tick: when the time is up, drafts are saved, every view closes
 * and the identity screen comes back. */
void kiosk_idle(struct app *a);
/* Quitting in kiosk mode: asks the PIN of the admin user. */
struct view *kiosk_exit_view_new(struct app *a);
/* "FOLDER · newest file DATE TIME" (or that none is there) of dir. */
void sync_info(const char *dir, char *buf, size_t size);

/* The trainer's demo (demo.c): a fresh pilot database in a new temporary
 * directory (mkdtemp), removed with demo_free. NULL with a message on
 * stderr when no directory can be made. */
struct demo *demo_new(const char *screens_dir);
const char *demo_db_path(const struct demo *d);
void demo_free(struct demo *d);
/* Closes every view, makes the copy anew and shows the tour's first step. */
bool demo_reset(struct app *a);

/* The guided tour (tour.c): goes to step n (closes the views, logs in as
 * the step's user, opens its screen). */
void tour_go(struct app *a, int n);
int tour_steps(void);
const char *tour_text(int n);

/* The demo's keys: a layer of keys before the views (next step, back,
 * pause, reset); returns true when it took the event. */
bool demo_layer(struct app *a, const term_event *ev);
/* Rows the tour panel takes above the status line (0 when hidden). */
int demo_panel_rows(const struct app *a);
void demo_panel_draw(struct app *a, int top, int cols);

#endif
