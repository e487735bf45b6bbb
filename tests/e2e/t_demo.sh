# The trainer's demo: a temporary copy (the --db file is untouched), the
# tour's steps forward and back, reset, and the copy removed at exit.

test_demo_tour_on_a_temporary_copy() {
    before=$(cksum < "$DB")
    mkdir "$E2E_TMP/demo-tmp"
    tmx kill-server 2>/dev/null || true
    tmx new-session -d -s t -x 80 -y 24 "sh"
    tmx set-option -t t: status off >/dev/null
    key "export TERM=tmux-256color LANG=C.UTF-8 TMPDIR='$E2E_TMP/demo-tmp' ASAN_OPTIONS='$ASAN_OPTIONS'; clear; '$E2E_BIN' --db '$DB' demo; echo \"EXIT=\$?\"" Enter
    wait_for "นำชม 1/8" || return 1
    wait_for "ยินดีต้อนรับ" || return 1
    wait_for "ใครกำลังใช้งาน" || return 1
    n=$(ls "$E2E_TMP/demo-tmp" | wc -l)
    assert_eq "$n" 1 || return 1
    ls "$E2E_TMP"/demo-tmp/tapian-demo-*/demo.db >/dev/null || return 1
    key F11
    wait_for "นำชม 2/8" || return 1
    wait_for "ผู้ใช้: wimon" || return 1
    key F11
    wait_for "นำชม 3/8" || return 1
    key F11
    wait_for "นำชม 4/8" || return 1
    wait_for "ผู้ใช้: chinnawat" || return 1
    key F12
    wait_for "นำชม 3/8" || return 1
    wait_for "ผู้ใช้: wimon" || return 1
    # pause hides the panel, F11 brings the same step back
    key F7
    wait_gone "นำชม 3/8" || return 1
    key F11
    wait_for "นำชม 3/8" || return 1
    # a record added in the demo goes with the reset
    copy=$(ls -d "$E2E_TMP"/demo-tmp/tapian-demo-*)
    sql "$copy/demo.db" "INSERT INTO setting (key, value) VALUES ('demo_mark', 'x')"
    key F8
    wait_for "นำชม 1/8" || return 1
    wait_for "ใครกำลังใช้งาน" || return 1
    got=$(sql "$copy/demo.db" "SELECT count(*) FROM setting WHERE key = 'demo_mark'")
    assert_eq "$got" 0 || return 1
    key F10
    wait_for "EXIT=0" || return 1
    n=$(ls "$E2E_TMP/demo-tmp" | wc -l)
    assert_eq "$n" 0 || return 1
    assert_eq "$(cksum < "$DB")" "$before" || return 1
}
