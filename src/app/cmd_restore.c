/* `tapian restore FILE`: puts a backup back. The file is checked first and
 * the current contents are kept as a rotating backup, so a wrong choice can
 * itself be undone with another restore. */
#include <stdio.h>

#include "tapian/commands.h"
#include "tapian/i18n.h"

int cmd_restore_main(tp_db *db, int argc, char **argv)
{
    (void)argc;
    const char *file = argv[1];
    char made[4096] = "";
    tp_status st = db_restore_file(db, file, made);
    if (st != TP_OK) {
        fprintf(stderr, "tapian: %s %s: %s\n", _("restore from"), file,
                tp_status_message(st));
        if (db_last_error(db) && *db_last_error(db))
            fprintf(stderr, "  (%s)\n", db_last_error(db));
        if (made[0])
            fprintf(stderr, "%s %s\n", _("The database before it is in"), made);
        return 1;
    }
    printf("%s %s\n", _("Restored from"), file);
    printf("%s %s\n", _("The database before it is in"), made);
    return 0;
}
