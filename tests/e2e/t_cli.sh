# The command line: options, check, backup, and clear messages for bad
# database files. These run the binary directly (no tmux needed).

test_cli_version_and_help() {
    out=$("$E2E_BIN" --version) || return 1
    case "$out" in "tapian "[0-9]*) ;; *) echo "  bad version: $out" >&2; return 1 ;; esac
    "$E2E_BIN" --help | grep -q -- "--db PATH" || return 1
    rc=0
    "$E2E_BIN" --no-such-option >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" no-such-command >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
}

test_cli_check_and_backup() {
    out=$("$E2E_BIN" --db "$DB" check) || { echo "$out" >&2; return 1; }
    "$E2E_BIN" --db "$DB" backup "$E2E_TMP/copy.db" >/dev/null || return 1
    want=$(sql "$DB" "SELECT count(*) FROM meeting")
    got=$(sql "$E2E_TMP/copy.db" "SELECT count(*) FROM meeting")
    assert_eq "$got" "$want" || return 1
    "$E2E_BIN" --db "$E2E_TMP/copy.db" check >/dev/null || return 1
}

test_cli_refuses_bad_files() {
    # not a database: a clear message, the file untouched
    printf 'ข้อความธรรมดา ไม่ใช่ฐานข้อมูล\n' > "$E2E_TMP/junk.db"
    before=$(cksum < "$E2E_TMP/junk.db")
    if "$E2E_BIN" --db "$E2E_TMP/junk.db" check > "$E2E_TMP/out" 2>&1; then
        echo "  junk file accepted" >&2
        return 1
    fi
    grep -q "ไม่ใช่ฐานข้อมูลของ tapian" "$E2E_TMP/out" || { cat "$E2E_TMP/out" >&2; return 1; }
    assert_eq "$(cksum < "$E2E_TMP/junk.db")" "$before" || return 1
    # from a newer tapian: refused, untouched
    cp "$DB" "$E2E_TMP/newer.db"
    sql "$E2E_TMP/newer.db" "PRAGMA user_version = 999"
    before=$(cksum < "$E2E_TMP/newer.db")
    if "$E2E_BIN" --db "$E2E_TMP/newer.db" check > "$E2E_TMP/out" 2>&1; then
        echo "  newer file accepted" >&2
        return 1
    fi
    grep -q "รุ่นที่ใหม่กว่า" "$E2E_TMP/out" || { cat "$E2E_TMP/out" >&2; return 1; }
    assert_eq "$(cksum < "$E2E_TMP/newer.db")" "$before" || return 1
}

# A column a built-in screen names, dropped by another program: the
# full-screen program stops before it handles a key, with the screen's file
# and line, as check does.
test_builtin_screen_misfit() {
    cp "$DB" "$E2E_TMP/misfit.db"
    sql "$E2E_TMP/misfit.db" "ALTER TABLE agency DROP COLUMN note"
    printf '<Dump><F10>' > "$E2E_TMP/keys"
    rc=0
    "$E2E_BIN" --db "$E2E_TMP/misfit.db" --user ทดสอบ --headless "$E2E_TMP/keys" \
        --dump "$E2E_TMP/dump" > "$E2E_TMP/out" 2>&1 || rc=$?
    assert_eq "$rc" "1" || return 1
    grep -q "^builtin/agency.ini:[0-9]*: field 'note'" "$E2E_TMP/out" ||
        { cat "$E2E_TMP/out" >&2; return 1; }
    if [ -s "$E2E_TMP/dump" ]; then
        echo "  a key was handled before the check" >&2
        return 1
    fi
    rc=0
    "$E2E_BIN" --db "$E2E_TMP/misfit.db" check > "$E2E_TMP/out" 2>&1 || rc=$?
    assert_eq "$rc" "1" || return 1
    grep -q "^builtin/agency.ini:[0-9]*: field 'note'" "$E2E_TMP/out" ||
        { cat "$E2E_TMP/out" >&2; return 1; }
}

# Read-only: the program opens and says so in the status line.
test_read_only_banner() {
    start_tapian "$DB" --read-only || return 1
    wait_for "อ่านอย่างเดียว" || return 1
    key F10
    wait_for "EXIT=0" || return 1
}
