# The identity screen in a real terminal: choose yourself by typing part of
# the name, set a PIN, and after a restart log in with it; the lockout; the
# OS account that names its user.

PIN_2548='$y$j9T$ffwNyCh.gEWNTfCko5uBs/$kBRkiNf5y7U3HT91eA0ObCrfxQnaONSJjzZoLeaHA6B'

# login_start DB [ARGS...]: like start_tapian, without the default --user.
login_start() {
    db=$1
    shift
    tmx kill-server 2>/dev/null || true
    tmx new-session -d -s t -x 80 -y 24 "sh"
    tmx set-option -t t: status off >/dev/null
    tmx send-keys -t t: "export TERM=tmux-256color LANG=C.UTF-8 ASAN_OPTIONS='$ASAN_OPTIONS'; clear; exec_tapian() { '$E2E_BIN' --db '$db' $* ; echo \"EXIT=\$?\"; }; exec_tapian" Enter
}

test_login_choose_set_pin_and_back() {
    # น้องตุ้ย records the sessions of her tambon (คุณบันทึก)
    sql "$DB" "INSERT INTO role_assignment (site_id, person_id, role_code)
        VALUES ('00000000-0000-4000-8000-000000000000',
                '00000003-0000-4000-8000-000000000011', 'khun_banthuek')"
    login_start "$DB"
    wait_for "ใครกำลังใช้งาน" || return 1
    wait_for "คุณบันทึก, คุณประสาน" || return 1
    type_text "ตุ้ย"
    wait_gone "ผู้ว่าฯ วิชม" || return 1
    key Enter
    wait_for "ผู้ใช้: tui" || return 1
    wait_for "ท่าไร่" || return 1
    # set a PIN: typed in ASCII, confirmed in Thai digits
    key p
    wait_for "รหัส PIN ใหม่อีกครั้ง" || return 1
    type_text "2548"
    key Enter
    type_text "๒๕๔๘"
    key Enter
    wait_for "ตั้งรหัส PIN แล้ว" || return 1
    got=$(sql "$DB" "SELECT substr(pin_hash, 1, 3) FROM app_user WHERE login = 'tui'")
    assert_eq "$got" '$y$' || return 1
    key F10
    wait_for "EXIT=0" || return 1
    # again: a wrong PIN is refused with a message, the right one logs in
    type_text "exec_tapian"
    key Enter
    wait_for "ใครกำลังใช้งาน" || return 1
    type_text "ตุ้ย"
    key Enter
    wait_for "รหัส PIN ของ น้องตุ้ย" || return 1
    type_text "1111"
    wait_for "รหัส PIN ของ น้องตุ้ย: ••••" || return 1
    key Enter
    wait_for "รหัส PIN ไม่ถูกต้อง ลองได้อีก 4 ครั้ง" || return 1
    if screen | grep -q "ท่าไร่"; then echo "  logged in with a wrong PIN" >&2; return 1; fi
    type_text "2548"
    key Enter
    wait_for "ผู้ใช้: tui" || return 1
    wait_for "ท่าไร่" || return 1
    got=$(sql "$DB" "SELECT failed_attempts FROM app_user WHERE login = 'tui'")
    assert_eq "$got" 0 || return 1
}

test_login_locked() {
    sql "$DB" "UPDATE app_user SET pin_hash = '$PIN_2548', failed_attempts = 5,
        last_failed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        WHERE login = 'chinnawat'"
    login_start "$DB" --user chinnawat
    wait_for "รหัส PIN ของ ลุงชินวัฒน์" || return 1
    type_text "2548"
    key Enter
    wait_for "ถูกล็อกเพราะใส่รหัส PIN ผิดหลายครั้ง" || return 1
    type_text "1"
    wait_for "กรุณารอจนนับถอยหลังจบ" || return 1
    if screen | grep -q "ท่าไร่"; then echo "  logged in while locked" >&2; return 1; fi
}

# Over SSH each facilitator has an OS account: it names the user.
test_login_os_account() {
    me=$(id -un)
    sql "$DB" "UPDATE app_user SET os_user = '$me' WHERE login = 'wimon'"
    login_start "$DB"
    wait_for "ผู้ใช้: wimon" || return 1
    wait_for "ท่าไร่" || return 1
}
