/* db fish — the fish model (แบบจำลองปลาตะเพียน) of each finance group: the
 * head its goals (fish_goal), the body its sharing activities
 * (fish_sharing), the tail the knowledge it already has (fish_knowledge).
 * Writes go through db_insert / db_update / db_tombstone on those tables.
 *
 * Each function calls fn once per row; strings are valid only during the
 * call. Return false from fn to stop early. Tombstoned rows never count. */
#ifndef TAPIAN_DB_FISH_H
#define TAPIAN_DB_FISH_H

#include <stdbool.h>

#include "tapian/db.h"

typedef struct {
    const char *id;
    const char *name;
    const char *type;       /* village_fund, production_savings, ... */
    const char *tambon_id;  /* the group's tambon (its village's, or itself) */
    const char *tambon;
    const char *village;    /* NULL for a tambon-level group */
    int moo;                /* the village's หมู่ที่, 0 when none */
    int goals, sharing, knowledge; /* live items of head, body, tail */
} db_fish_group;
typedef bool (*db_fish_group_fn)(void *ctx, const db_fish_group *g);

/* Live finance groups in Thai order of tambon, then of group name. */
tp_status db_fish_groups(tp_db *db, db_fish_group_fn fn, void *ctx);

typedef enum { DB_FISH_HEAD, DB_FISH_BODY, DB_FISH_TAIL } db_fish_part;
#define DB_FISH_PARTS 3

/* The table behind a part and the column that holds its text. */
const char *db_fish_table(db_fish_part part);
const char *db_fish_column(db_fish_part part);

typedef struct {
    const char *id;
    long long version;
    const char *text;       /* goal, activity or item */
    const char *detail;     /* indicator, meeting title or note; may be NULL */
    const char *date;       /* target_on or held_on (YYYY-MM-DD); may be NULL */
} db_fish_item;
typedef bool (*db_fish_item_fn)(void *ctx, const db_fish_item *it);

/* Live items of one part of a group, oldest first (ties by id). */
tp_status db_fish_items(tp_db *db, const char *group_id, db_fish_part part,
                        db_fish_item_fn fn, void *ctx);

typedef struct {
    const char *tambon_id;
    const char *tambon;
    const char *amphoe;
    int groups;             /* live finance groups of the tambon */
    int with_head, with_tail;
    int ready;              /* groups with both head and tail */
} db_fish_tambon;
typedef bool (*db_fish_tambon_fn)(void *ctx, const db_fish_tambon *t);

/* Per tambon that has live groups, in Thai order of tambon: how many groups
 * have a head, a tail, and both (ready for learning to be designed). */
tp_status db_fish_by_tambon(tp_db *db, db_fish_tambon_fn fn, void *ctx);

#endif
