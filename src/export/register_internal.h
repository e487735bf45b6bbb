/* Private to src/export: the blank register held in memory (loaded once,
 * every text made safe to show) and its two renderers. */
#ifndef TAPIAN_REGISTER_INTERNAL_H
#define TAPIAN_REGISTER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tapian/export.h"

typedef enum { REG_TEXT, REG_NUMBER, REG_MONEY, REG_DATE } reg_kind;

struct reg_column {
    char *name;
    reg_kind kind;
};

struct reg_sheet {
    char *id, *name;
    char *agency, *agency_name; /* may be NULL */
    struct reg_column *cols;
    size_t n_cols, cap;
};

struct reg_form {
    char *version_id, *label;
    bool draft;
    char *approved_by;   /* may be NULL */
    char approved_at[64]; /* Buddhist era, "" when not approved */
    char *group;         /* "name, หมู่ 3 …, ต.…" when printed for one */
    struct reg_sheet *sheets;
    size_t n, cap;
    int rows;
};

/* Renderers; the stream's error flag tells whether writing failed. */
void register_write_html(const struct reg_form *r, FILE *out);
tp_status register_write_csv(const struct reg_form *r, FILE *out);

/* ---- labels (translated; malloc'd ones are freed by the caller) ---- */
/* "แบบทะเบียนบัญชีของจังหวัด: LABEL" */
char *register_version_line(const struct reg_form *r);
/* "อนุมัติโดย … เมื่อ 11 ต.ค. 2548", or "ยังไม่อนุมัติ" for a draft. */
char *register_approval_line(const struct reg_form *r);
/* "ต้นแบบจากแบบของ ธกส. (ธนาคาร…)", NULL when the register names none. */
char *register_agency_line(const struct reg_sheet *s);
const char *register_draft_mark(void);
const char *register_group_label(void);
const char *register_period_label(void);
const char *register_period_to_label(void);
const char *register_no_columns(void);
/* A hint printed under a column's name: "(บาท)" for money, the date
 * form for dates; NULL for text and numbers. */
const char *register_kind_hint(reg_kind k);

#endif
