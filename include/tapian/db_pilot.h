/* db_pilot — named look-ups into the pilot's records (src/db/sql/pilot.sql),
 * so that tests (and an "about the pilot" view) can check the data against
 * the source documents without seeing SQL. Part of the db module.
 *
 * Queries (parameters are TEXT db_values with .column = NULL):
 *   int  "agencies_core_nine"          live agencies with is_core_nine = 1
 *   int  "agency_named"        ?1      live agencies with short_name ?1
 *   int  "tambons_of_amphoe"   ?1      live tambons whose amphoe is named ?1
 *   int  "villages"                    live villages
 *   int  "meetings_on"         ?1      live meetings held on ?1 (YYYY-MM-DD)
 *   int  "observers_named"     ?1 ?2   observers of meeting ?1 who are the
 *                                      person named ?2
 *   int  "roles_of"            ?1 ?2   live role assignments of the person
 *                                      named ?1 with role code ?2
 *   text "attendance_of"       ?1 ?2   attendance status of the person named
 *                                      ?2 at meeting ?1
 *   text "meeting_held_on"     ?1      held_on of meeting ?1
 *   text "meeting_circle"      ?1      circle of meeting ?1
 *   text "meeting_notes"       ?1      notes of meeting ?1
 *   text "person_agency"       ?1      short name of the agency of the person
 *                                      named ?1
 *   text "six_step_name"       ?1      Thai name of step ?1 ("1".."6")
 */
#ifndef TAPIAN_DB_PILOT_H
#define TAPIAN_DB_PILOT_H

#include <stddef.h>

#include "tapian/db.h"

/* One integer. TP_ERR_INVALID for an unknown name or a wrong number of
 * parameters. */
tp_status db_pilot_int(tp_db *db, const char *name, const db_value *params,
                       size_t n, long long *out);
/* One text value, copied into buf (cap bytes, always NUL-terminated when
 * cap > 0). TP_ERR_NOTFOUND when there is no such row or the value is NULL;
 * TP_ERR_TOO_LONG when it did not fit. */
tp_status db_pilot_text(tp_db *db, const char *name, const db_value *params,
                        size_t n, char *buf, size_t cap);

#endif
