/* Command-line commands (no full-screen interface). */
#ifndef TAPIAN_COMMANDS_H
#define TAPIAN_COMMANDS_H
#include <stdbool.h>

#include "tapian/db.h"
#include "tapian/screen.h"

/* Integrity and foreign-key check with a report; 0 when sound. */
int cmd_check(tp_db *db);
/* A consistent online copy of the database into file. */
int cmd_backup(tp_db *db, const char *file);
/* Each command's entry: argv[0] is the command's name; returns the exit
 * status. New commands add one line to the table in commands.c. */
int cmd_check_main(tp_db *db, int argc, char **argv);
int cmd_backup_main(tp_db *db, int argc, char **argv);
/* export TABLE [-o FILE] [--labels]: a list as CSV (cmd_csv.c). */
int cmd_export_csv(tp_db *db, int argc, char **argv);
/* import TABLE FILE [--dry-run] [--skip-bad] [--rejects PATH]. */
int cmd_import_main(tp_db *db, int argc, char **argv);

/* The screens loaded at start, for commands that work on a screen's table
 * (set by main before running a command). */
void cmd_set_screens(const screen_set *set);
const screen_set *cmd_screens(void);
/* `export SUBJECT ...` (src/app/cmd_export.c): `book` writes the textbook;
 * argv[0] is "export". */
int cmd_export_main(tp_db *db, int argc, char **argv);
/* `export book [OPTIONS]`, argv[0] = "book". */
int cmd_export_book(tp_db *db, int argc, char **argv);
/* `export register [VERSION] [OPTIONS]`, argv[0] = "register"
 * (cmd_register.c). */
int cmd_export_register(tp_db *db, int argc, char **argv);
/* audit --since DATE [--table T] (cmd_audit.c) */
int cmd_audit_main(tp_db *db, int argc, char **argv);
/* restore FILE (cmd_restore.c) */
int cmd_restore_main(tp_db *db, int argc, char **argv);
/* search QUERY [--limit N] (cmd_search.c) */
int cmd_search_main(tp_db *db, int argc, char **argv);

/* sync export|import|add-site|role|conflicts|resolve|watch|id (cmd_sync.c) */
int cmd_sync_main(tp_db *db, int argc, char **argv);

/* Runs argv[0] with its arguments; returns the exit status. */
int cmd_run(tp_db *db, int argc, char **argv);
bool cmd_known(const char *name);
/* True for a command that runs the full-screen program (demo). */
bool cmd_interactive(const char *name);

#endif
