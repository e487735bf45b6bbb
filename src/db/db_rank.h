/* Private to src/db: the Thai order of live tambons, cached per connection
 * in temp.tambon_rank (ord INTEGER PRIMARY KEY from 1, id). */
#ifndef TAPIAN_DB_RANK_H
#define TAPIAN_DB_RANK_H

#include "db_internal.h"

/* Makes temp.tambon_rank current: rebuilt when this connection changed an
 * amphoe or tambon (temp triggers note it) or another connection committed
 * anything (PRAGMA data_version), otherwise left as it is. */
tp_status db_tambon_rank_fresh(tp_db *db);

#endif
