/* [field NAME] sections: the keys of one form field and the rules between
 * them, checked when the section ends (the keys may come in any order). */
#include <stdlib.h>
#include <string.h>

#include "screen_internal.h"

enum { F_TYPE, F_LABEL, F_LABEL_EN, F_HELP, F_HELP_EN, F_REQUIRED, F_MIN,
       F_MAX, F_MAX_LENGTH, F_CHOICES, F_DEFAULT, F_REF, F_REF_LABEL, F_VIA,
       F_VIA_SELF, F_VIA_OTHER, F_VIA_SET, F_REF_ORDER, F_COUNT };

static const char *const field_keys[F_COUNT] = {
    [F_TYPE] = "type",         [F_LABEL] = "label",
    [F_LABEL_EN] = "label_en", [F_HELP] = "help",
    [F_HELP_EN] = "help_en",   [F_REQUIRED] = "required",
    [F_MIN] = "min",           [F_MAX] = "max",
    [F_MAX_LENGTH] = "max_length", [F_CHOICES] = "choices",
    [F_DEFAULT] = "default",   [F_REF] = "ref",
    [F_REF_LABEL] = "ref_label", [F_VIA] = "via",
    [F_VIA_SELF] = "via_self", [F_VIA_OTHER] = "via_other",
    [F_VIA_SET] = "via_set",   [F_REF_ORDER] = "ref_order",
};

static const char *const type_names[] = {
    [SF_TEXT] = "text",     [SF_MULTILINE] = "multiline",
    [SF_NUMBER] = "number", [SF_MONEY] = "money",
    [SF_DATE] = "date",     [SF_CHOICE] = "choice",
    [SF_REF] = "ref",       [SF_MULTIREF] = "multiref",
    [SF_CHECK] = "check",
};

const char *sp_type_name(screen_field_type t)
{
    return type_names[t];
}

int sp_field_key_index(const char *name)
{
    for (int i = 0; i < F_COUNT; i++)
        if (strcmp(name, field_keys[i]) == 0)
            return i;
    return -1;
}

/* choices: one "value | Thai | English" per line, the first on the key's
 * own line or on the indented lines below it. */
static bool add_choice(sp *p, screen_field *f, const char *value, bool cont)
{
    if (!*value && !cont)
        return true;
    char *parts[3] = {0};
    int n = sp_split_bar(value, parts, 3);
    if (n < 2 || !sp_is_code(parts[0]) || !*parts[1]) {
        sp_fail(p, p->line, n == -2 ? "out of memory"
                            : "a choice is 'code | Thai label | English label'");
        for (int i = 0; i < n; i++)
            free(parts[i]);
        return false;
    }
    for (size_t i = 0; i < f->n_choices; i++)
        if (strcmp(f->choices[i].value, parts[0]) == 0) {
            sp_fail(p, p->line, "choice '%s' is given twice", parts[0]);
            for (int j = 0; j < n; j++)
                free(parts[j]);
            return false;
        }
    screen_choice *grown = realloc(f->choices, (f->n_choices + 1) * sizeof *grown);
    if (!grown) {
        sp_fail(p, p->line, "out of memory");
        for (int i = 0; i < n; i++)
            free(parts[i]);
        return false;
    }
    f->choices = grown;
    grown[f->n_choices++] = (screen_choice){
        .value = parts[0], .label = parts[1],
        .label_en = n > 2 && *parts[2] ? parts[2] : NULL};
    if (n > 2 && !*parts[2])
        free(parts[2]);
    return true;
}

static bool set_word(sp *p, char **dst, const char *key, const char *value)
{
    if (!sp_is_ident(value)) {
        sp_fail(p, p->line, "'%s': '%s' is not a table or column name", key,
                value);
        return false;
    }
    free(*dst);
    return (*dst = sp_strdup(value)) != NULL;
}

bool sp_field_key(sp *p, screen_field *f, int key, const char *name,
                  const char *value, bool cont)
{
    switch (key) {
    case F_LABEL: return sp_set_text(p, &f->label, value, cont, false);
    case F_LABEL_EN: return sp_set_text(p, &f->label_en, value, cont, false);
    case F_HELP: return sp_set_text(p, &f->help, value, cont, true);
    case F_HELP_EN: return sp_set_text(p, &f->help_en, value, cont, true);
    case F_CHOICES: return add_choice(p, f, value, cont);
    default: break;
    }
    if (cont) {
        sp_fail(p, p->line, "'%s' takes a single line (an indented line "
                            "continues the key above it)", name);
        return false;
    }
    long n = 0;
    switch (key) {
    case F_TYPE:
        for (size_t t = 0; t < sizeof type_names / sizeof *type_names; t++)
            if (strcmp(value, type_names[t]) == 0) {
                f->type = (screen_field_type)t;
                return true;
            }
        sp_fail(p, p->line,
                "unknown type '%s' (text, multiline, number, money, date, "
                "choice, ref, multiref, check)", value);
        return false;
    case F_REQUIRED:
        if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0) {
            sp_fail(p, p->line, "required: expected yes or no, not '%s'", value);
            return false;
        }
        f->required = value[0] == 'y';
        return true;
    case F_MIN:
    case F_MAX: {
        /* a date's bound is "today" or ISO like its default; the type may
         * come later in the section, so sp_field_end checks which fits */
        if (strcmp(value, "today") == 0 || sp_is_iso_date(value)) {
            char **dst = key == F_MIN ? &f->date_min : &f->date_max;
            free(*dst);
            return (*dst = sp_strdup(value)) != NULL;
        }
        if (key == F_MIN)
            return (f->has_min = sp_parse_number(p, name, value, &f->min));
        return (f->has_max = sp_parse_number(p, name, value, &f->max));
    }
    case F_MAX_LENGTH:
        if (!sp_parse_count(p, name, value, 1, 1000000, &n))
            return false;
        f->max_length = (size_t)n;
        return true;
    case F_DEFAULT:
        return sp_set_text(p, &f->default_value, value, false, false);
    case F_REF: return set_word(p, &f->ref, name, value);
    case F_REF_LABEL: return set_word(p, &f->ref_label, name, value);
    case F_REF_ORDER: return set_word(p, &f->ref_order, name, value);
    case F_VIA: return set_word(p, &f->via, name, value);
    case F_VIA_SELF: return set_word(p, &f->via_self, name, value);
    case F_VIA_OTHER: return set_word(p, &f->via_other, name, value);
    case F_VIA_SET: {
        /* column=value given to new junction rows, e.g. status=present */
        const char *eq = strchr(value, '=');
        if (!eq || eq == value || !eq[1]) {
            sp_fail(p, p->line, "via_set: expected column=value, not '%s'", value);
            return false;
        }
        return sp_set_text(p, &f->via_set, value, false, false);
    }
    }
    return false;
}

/* Keys that mean something only for some types. */
static bool key_fits(int key, screen_field_type t)
{
    switch (key) {
    case F_MIN:
    case F_MAX: return t == SF_NUMBER || t == SF_MONEY || t == SF_DATE;
    case F_MAX_LENGTH: return t == SF_TEXT || t == SF_MULTILINE;
    case F_CHOICES: return t == SF_CHOICE;
    case F_REF:
    case F_REF_LABEL:
    case F_REF_ORDER: return t == SF_REF || t == SF_MULTIREF;
    case F_VIA:
    case F_VIA_SELF:
    case F_VIA_OTHER:
    case F_VIA_SET: return t == SF_MULTIREF;
    case F_DEFAULT: return t != SF_MULTIREF;
    default: return true;
    }
}

static bool default_fits(const screen_field *f)
{
    const char *d = f->default_value;
    char *end = NULL;
    switch (f->type) {
    /* strtoll as the form itself reads numbers (form_value.c): strtol
     * would stop at 2^31 on armhf, where long has 32 bits. */
    case SF_NUMBER: strtoll(d, &end, 10); return *d && !*end;
    case SF_MONEY: strtod(d, &end); return *d && !*end;
    case SF_DATE: return strcmp(d, "today") == 0 || sp_is_iso_date(d);
    case SF_CHECK: return strcmp(d, "0") == 0 || strcmp(d, "1") == 0;
    case SF_CHOICE:
        for (size_t i = 0; i < f->n_choices; i++)
            if (strcmp(d, f->choices[i].value) == 0)
                return true;
        return false;
    default: return true;
    }
}

bool sp_field_end(sp *p, screen_field *f)
{
    for (int k = 0; k < F_COUNT; k++)
        if ((p->seen & (1u << k)) && !key_fits(k, f->type)) {
            sp_fail(p, p->key_line[k], "'%s' does not apply to a %s field",
                    field_keys[k], type_names[f->type]);
            return false;
        }
    const char *missing = NULL;
    if (!f->label)
        missing = "a label";
    else if (f->type == SF_CHOICE && !f->n_choices)
        missing = "choices";
    else if ((f->type == SF_REF || f->type == SF_MULTIREF) && !f->ref)
        missing = "ref = TABLE";
    else if (f->type == SF_MULTIREF && (!f->via || !f->via_self || !f->via_other))
        missing = "via, via_self and via_other";
    if (missing) {
        sp_fail(p, f->line, "field '%s' needs %s", f->name, missing);
        return false;
    }
    bool is_date = f->type == SF_DATE;
    if ((is_date && (f->has_min || f->has_max)) ||
        (!is_date && (f->date_min || f->date_max))) {
        int k = (is_date ? f->has_min : f->date_min != NULL) ? F_MIN : F_MAX;
        if (is_date)
            sp_fail(p, p->key_line[k], "a date's %s is 'today' or a date "
                    "such as 2005-10-11", field_keys[k]);
        else
            sp_fail(p, p->key_line[k], "%s of a %s field is a number",
                    field_keys[k], type_names[f->type]);
        return false;
    }
    if (f->date_min && f->date_max && strcmp(f->date_min, "today") != 0 &&
        strcmp(f->date_max, "today") != 0 && strcmp(f->date_min, f->date_max) > 0) {
        sp_fail(p, p->key_line[F_MAX], "max is before min");
        return false;
    }
    if (f->has_min && f->has_max && f->min > f->max) {
        sp_fail(p, p->key_line[F_MAX], "max is below min");
        return false;
    }
    if (f->default_value && !default_fits(f)) {
        sp_fail(p, p->key_line[F_DEFAULT], "default '%s' is not a valid %s",
                f->default_value, type_names[f->type]);
        return false;
    }
    /* Most tables show a row by its name; other labels are given. */
    if ((f->type == SF_REF || f->type == SF_MULTIREF) && !f->ref_label &&
        !(f->ref_label = sp_strdup("name"))) {
        sp_fail(p, f->line, "out of memory");
        return false;
    }
    return true;
}

void screen_field_free(screen_field *f)
{
    free(f->name);
    free(f->label);
    free(f->label_en);
    free(f->help);
    free(f->help_en);
    for (size_t i = 0; i < f->n_choices; i++) {
        free(f->choices[i].value);
        free(f->choices[i].label);
        free(f->choices[i].label_en);
    }
    free(f->choices);
    free(f->default_value);
    free(f->date_min);
    free(f->date_max);
    free(f->ref);
    free(f->ref_label);
    free(f->ref_order);
    free(f->via);
    free(f->via_self);
    free(f->via_other);
    free(f->via_set);
}
