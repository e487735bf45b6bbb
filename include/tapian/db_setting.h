/* The setting table: key/value choices of this file (kiosk, kiosk_idle_minutes,
 * sync_dir, ...). Read only; the administrator sets them with sqlite3. */
#ifndef TAPIAN_DB_SETTING_H
#define TAPIAN_DB_SETTING_H
#include <stddef.h>

#include "tapian/db.h"

/* The value of key into buf; TP_ERR_NOTFOUND when the key is not set. */
tp_status db_setting_get(tp_db *db, const char *key, char *buf, size_t size);

#endif
