/* A masked PIN entry shared by the identity and PIN views: digits only
 * (ASCII or Thai), shown as one • each, wiped when cleared. */
#ifndef TAPIAN_APP_PIN_ENTRY_H
#define TAPIAN_APP_PIN_ENTRY_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "tapian/app.h"

#define PIN_ENTRY_MAX 12

typedef struct {
    char buf[PIN_ENTRY_MAX * 3 + 1]; /* a Thai digit is 3 bytes */
    size_t len;
    int digits;
} pin_entry;

typedef enum { PE_UNKNOWN, PE_CHANGED, PE_NOT_DIGIT, PE_FULL } pin_entry_result;

/* Printable keys and Backspace; other events are PE_UNKNOWN. */
pin_entry_result pin_entry_event(pin_entry *p, const term_event *ev);
void pin_entry_clear(pin_entry *p);
/* The masked box at (y, x); when focused, *cy and *cx get the cursor. */
void pin_entry_draw(const pin_entry *p, int y, int x, bool focused, int *cy,
                    int *cx);
/* Status-line message for a refused key. */
void pin_entry_report(struct app *a, pin_entry_result r);

#endif
