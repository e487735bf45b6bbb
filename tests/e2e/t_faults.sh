# Faults from outside: the line drops in a generic form, the disk fills up,
# the database goes read-only, is deleted or replaced while tapian runs.

# Opens a new person (home 4, a) and types a name into its second field.
person_form_typed() {
    key 4
    wait_for "ทำเนียบบุคคล" || return 1
    key a
    wait_for "ชื่อ *" || return 1
    key Tab
    type_text "$1"
    wait_for "$1" || return 1
}

# Until tapian on $1 has gone (after stop_tmux it saves drafts first).
wait_exited() {
    deadline=$(( $(date +%s) + 10 ))
    while [ -n "$(tapian_pid "$1")" ] && [ "$(date +%s)" -le "$deadline" ]; do
        sleep 0.1
    done
}

test_hangup_saves_form_draft() {
    start_tapian "$DB" || return 1
    person_form_typed "สมศรี ใจดี" || return 1
    kill -HUP "$(tapian_pid "$DB")"
    wait_for "EXIT=0" || return 1
    got=$(sql "$DB" "SELECT value FROM draft WHERE form='form:person:new' AND field='name'")
    assert_eq "$got" "สมศรี ใจดี" || return 1
    type_text "exec_tapian"
    key Enter
    wait_for "ท่าไร่" || return 1
    person_form_typed "x" || return 1
    wait_for "สมศรี ใจดีx" || return 1
}

# A save that fails leaves the form as it was, says why, and the file sound.
assert_save_refused() {
    before=$(sql "$1" "SELECT count(*) FROM person")
    key F2
    wait_for "$2" || return 1
    wait_for "ยังไม่ได้บันทึก" 2 || wait_for "$3" || return 1
    pid=$(tapian_pid "$1")
    [ -n "$pid" ] || { echo "  tapian died" >&2; return 1; }
}

test_disk_full() {
    mnt="$E2E_TMP/full"
    mkdir -p "$mnt"
    if mount -t tmpfs -o size=3m tmpfs "$mnt" 2>/dev/null; then
        echo "  disk full: a 3 MB tmpfs filled up" >&2
        cp "$DB" "$mnt/t.db"
        start_tapian "$mnt/t.db" || { umount "$mnt"; return 1; }
        dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true # ENOSPC
    else
        # no mount (not root, a container): a file-size limit gives EFBIG,
        # which tapian must take as a full disk, not die of SIGXFSZ
        echo "  disk full: no tmpfs, ulimit -f instead" >&2
        cp "$DB" "$mnt/t.db"
        blocks=$(( $(stat -c %s "$mnt/t.db") / 512 ))
        tmx kill-server 2>/dev/null || true
        tmx new-session -d -s t -x 80 -y 24 "ulimit -f $blocks; env TERM=tmux-256color LANG=C.UTF-8 ASAN_OPTIONS='$ASAN_OPTIONS' '$E2E_BIN' --db '$mnt/t.db' --user ทดสอบ; sleep 30"
        wait_for "ทดสอบ" || return 1
    fi
    rc=0
    (
        person_form_typed "ทองดี มีสุข" || exit 1
        key F2
        wait_for "ดิสก์เต็ม" || exit 1
        wait_for "ทองดี มีสุข" || exit 1
        [ -n "$(tapian_pid "$mnt/t.db")" ] || { echo "  tapian died" >&2; exit 1; }
    ) || rc=1
    stop_tmux
    wait_exited "$mnt/t.db"
    rm -f "$mnt/filler"
    [ "$(sql "$mnt/t.db" "PRAGMA integrity_check")" = ok ] || { echo "  integrity" >&2; rc=1; }
    [ "$(sql "$mnt/t.db" "SELECT count(*) FROM person WHERE name='ทองดี มีสุข'")" = 0 ] || { echo "  half-saved" >&2; rc=1; }
    umount "$mnt" 2>/dev/null
    return $rc
}

test_db_deleted_under_program() {
    start_tapian "$DB" || return 1
    wait_for "ท่าไร่" || return 1
    rm "$DB"
    person_form_typed "ประไพ" || return 1
    key F2
    wait_for "ถูกย้าย ลบ หรือแทนที่" || return 1
    wait_for "ประไพ" || return 1
    [ -n "$(tapian_pid "$DB")" ] || { echo "  tapian died" >&2; return 1; }
}

test_db_replaced_under_program() {
    start_tapian "$DB" || return 1
    wait_for "ท่าไร่" || return 1
    cp "$DB" "$DB.copy" && mv "$DB.copy" "$DB"
    person_form_typed "ประไพ" || return 1
    key F2
    wait_for "ถูกย้าย ลบ หรือแทนที่" || return 1
    [ "$(sql "$DB" "SELECT count(*) FROM person WHERE name='ประไพ'")" = 0 ] || return 1
}

# A file that can no longer be written while tapian has it open. As root,
# chmod does not stop writes and a bind mount cannot go read-only while a
# file is open for writing, so the files are made immutable (chattr +i).
test_db_goes_read_only() {
    start_tapian "$DB" || return 1
    wait_for "ท่าไร่" || return 1
    if ! chattr +i "$DB" "$DB-wal" 2>/dev/null; then
        chattr -i "$DB" "$DB-wal" 2>/dev/null
        echo "  skipped: chattr +i is not supported here" >&2
        return 0
    fi
    rc=0
    (
        person_form_typed "ประไพ" || exit 1
        key F2
        wait_for "ยังไม่ได้บันทึก" || exit 1
        wait_for "ประไพ" || exit 1
        [ -n "$(tapian_pid "$DB")" ] || { echo "  tapian died" >&2; exit 1; }
    ) || rc=1
    chattr -i "$DB" "$DB-wal"
    stop_tmux
    wait_exited "$DB"
    [ "$(sql "$DB" "PRAGMA integrity_check")" = ok ] || rc=1
    [ "$(sql "$DB" "SELECT count(*) FROM person WHERE name='ประไพ'")" = 0 ] || rc=1
    return $rc
}
