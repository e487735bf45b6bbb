# The daily backup is made in slices between keys after the first screen:
# on a large file the program keeps answering while it runs, and quitting
# does not wait for it (nor leave a partial copy).

# About 120 MB of ballast, so that copying takes a while.
make_large() {
    sql "$1" "CREATE TABLE ballast (b BLOB);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                                WHERE i < 30000)
        INSERT INTO ballast SELECT randomblob(4000) FROM n;"
}

test_daily_backup_between_keys() {
    make_large "$DB" || return 1
    start_tapian "$DB" || return 1
    part="$E2E_TMP/backups/$(basename "$DB")-*-daily.db.part"
    wait_file "$part" || return 1
    key n
    wait_for "หัวเรื่อง" 5 || return 1
    # answered while the copy was still being made
    for f in $part; do
        [ -e "$f" ] || { echo "  the backup ended before the key was answered" >&2; return 1; }
    done
    type_text "ระหว่างสำรอง"
    wait_for "ระหว่างสำรอง" || return 1
    wait_file "$E2E_TMP/backups/$(basename "$DB")-*-daily.db" 120 || return 1
    for f in $part; do
        [ ! -e "$f" ] || { echo "  partial copy left: $f" >&2; return 1; }
    done
    copy=$(ls "$E2E_TMP"/backups/"$(basename "$DB")"-*-daily.db)
    assert_eq "$(sql "$copy" "PRAGMA integrity_check")" "ok" || return 1
    assert_eq "$(sql "$copy" "SELECT count(*) FROM ballast")" "30000" || return 1
    key Escape
    wait_for "ทิ้งข้อความ" || return 1
    key y
    wait_gone "หัวเรื่อง" || return 1
    key F10
    wait_for "EXIT=0" || return 1
}

test_quit_during_backup() {
    make_large "$DB" || return 1
    start_tapian "$DB" || return 1
    part="$E2E_TMP/backups/$(basename "$DB")-*-daily.db.part"
    wait_file "$part" || return 1
    key F10
    wait_for "EXIT=0" 3 || return 1
    for f in $part "$E2E_TMP/backups/$(basename "$DB")"-*-daily.db; do
        [ ! -e "$f" ] || { echo "  left behind: $f" >&2; return 1; }
    done
}
