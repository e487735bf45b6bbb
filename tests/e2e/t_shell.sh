# The terminal shell: start, quit, resize, hang-up.

test_start_and_quit() {
    start_tapian "$DB" || return 1
    wait_for "ท่าไร่" || return 1
    key F10
    wait_for "EXIT=0" || return 1
}

test_resize_and_back() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    type_text "กุ้งที่น้ำสำคัญ"
    wait_for "กุ้งที่น้ำสำคัญ" || return 1
    tmx resize-window -t t: -x 60 -y 20
    wait_for "หน้าต่างเล็กเกินไป" || return 1
    wait_gone "กุ้งที่น้ำสำคัญ" || return 1
    tmx resize-window -t t: -x 80 -y 24
    wait_for "กุ้งที่น้ำสำคัญ" || return 1
    wait_gone "หน้าต่างเล็กเกินไป" || return 1
}

# SIGHUP while typing: the draft is saved, the terminal is restored, exit 0.
test_hangup_saves_draft() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    type_text "วงเรียนรู้คุณอำนวย"
    wait_for "วงเรียนรู้คุณอำนวย" || return 1
    pid=$(tapian_pid "$DB")
    [ -n "$pid" ] || { echo "  no tapian process" >&2; return 1; }
    kill -HUP "$pid"
    wait_for "EXIT=0" || return 1
    got=$(sql "$DB" "SELECT value FROM draft WHERE form='note' AND field='title'")
    assert_eq "$got" "วงเรียนรู้คุณอำนวย" || return 1
    # the shell got its terminal back in its normal modes
    type_text "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ,"
    key Enter
    wait_for "icanon,echo," || return 1
    # and the draft comes back on the next start
    type_text "exec_tapian"
    key Enter
    wait_for "ท่าไร่" || return 1
    key n
    wait_for "วงเรียนรู้คุณอำนวย" || return 1
}

# A crash leaves the terminal usable: the modes are restored before dying.
# tapian runs under a non-interactive shell here, which (unlike an
# interactive one) does not put the modes back itself.
test_crash_restores_terminal() {
    tmx kill-server 2>/dev/null || true
    tmx new-session -d -s t -x 80 -y 24 "env TERM=tmux-256color ASAN_OPTIONS='$ASAN_OPTIONS' '$E2E_BIN' --db '$DB' --user ทดสอบ; stty -a > '$E2E_TMP/stty.txt'; sleep 30"
    wait_for "ทดสอบ" || return 1
    pid=$(tapian_pid "$DB")
    [ -n "$pid" ] || return 1
    kill -ABRT "$pid"
    deadline=$(( $(date +%s) + 10 ))
    while [ ! -s "$E2E_TMP/stty.txt" ] && [ "$(date +%s)" -le "$deadline" ]; do
        sleep 0.1
    done
    tr ' ;' '\n\n' < "$E2E_TMP/stty.txt" | grep -qx icanon || { echo "  icanon not restored" >&2; return 1; }
    tr ' ;' '\n\n' < "$E2E_TMP/stty.txt" | grep -qx echo || { echo "  echo not restored" >&2; return 1; }
}
