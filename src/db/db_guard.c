/* The file under an open connection can be deleted, renamed or replaced
 * (a copy put back by hand, a sync tool, a careless rm). SQLite would then
 * go on writing into a file nobody will open again, so each write
 * transaction first checks that the path still names the file opened. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "db_internal.h"

void db_guard_remember(tp_db *db)
{
    struct stat sb;
    if (stat(db->path, &sb) == 0) {
        db->file_dev = (unsigned long long)sb.st_dev;
        db->file_ino = (unsigned long long)sb.st_ino;
    }
}

tp_status db_guard_check(tp_db *db)
{
    if (!db->file_ino) /* not known (a new file before its first stat) */
        return TP_OK;
    struct stat sb;
    if (stat(db->path, &sb) != 0) {
        db_set_error(db, "%s: %s", db->path, strerror(errno));
        return TP_ERR_MOVED;
    }
    if ((unsigned long long)sb.st_dev != db->file_dev ||
        (unsigned long long)sb.st_ino != db->file_ino) {
        db_set_error(db, "%s was replaced by another file", db->path);
        return TP_ERR_MOVED;
    }
    return TP_OK;
}
