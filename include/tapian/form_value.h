/* What is typed into a form field and what is stored, both ways: numbers,
 * money in baht, Buddhist-era dates, choices, checks. No curses, no SQL. */
#ifndef TAPIAN_FORM_VALUE_H
#define TAPIAN_FORM_VALUE_H

#include <stdbool.h>

#include "tapian/screen.h"
#include "tapian/text.h"

typedef enum {
    FV_OK,
    FV_EMPTY,        /* nothing typed (fine unless required) */
    FV_REQUIRED,     /* nothing typed in a required field */
    FV_BAD_NUMBER,
    FV_BAD_MONEY,
    FV_BAD_DATE,
    FV_TOO_SMALL,
    FV_TOO_LARGE,
    FV_TOO_LONG,
    FV_TOO_EARLY,    /* a date before the field's min */
    FV_TOO_LATE,     /* a date after the field's max */
    FV_BAD_CHOICE,
    FV_NOMEM
} fv_result;

/* Turns the typed text into the stored form: an integer ("1234"), money
 * ("1234.5" — commas, Thai digits and the baht sign are accepted), a date as
 * ISO CE ("2005-10-11" from "11 ต.ค. 2548", "11/10/2548" or ISO), a choice
 * code, "1"/"0" for a check, text as it is. *stored is malloc'd, NULL for
 * empty. Ranges and lengths of the field are checked. */
fv_result form_value_parse(const screen_field *f, const char *typed,
                           char **stored);
/* What a stored value looks like in the form and the list: "11 ต.ค. 2548",
 * "1,234.50", the choice's label, "✓" or "", text as it is (malloc'd). */
char *form_value_display(const screen_field *f, const char *stored);
/* What the field editor starts with when editing a stored value (dates in
 * the Buddhist era, money without grouping). */
char *form_value_editable(const screen_field *f, const char *stored);
/* The days a date field accepts: its min and max from the screen file
 * ("today" resolved by text_date_today), within what the database keeps
 * (1900-01-01 to 2199-12-31). The calendar picker offers exactly these. */
void form_value_date_range(const screen_field *f, text_date *lo, text_date *hi);
/* The message for a result, in the user's language. */
const char *form_value_message(fv_result r);

#endif
