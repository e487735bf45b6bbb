# Kiosk mode: quitting needs the admin PIN, Ctrl-Z and Ctrl-\ do nothing,
# and an idle machine locks back to the identity screen keeping the draft.

KIOSK_PIN_2548='$y$j9T$ffwNyCh.gEWNTfCko5uBs/$kBRkiNf5y7U3HT91eA0ObCrfxQnaONSJjzZoLeaHA6B'

test_kiosk_quit_needs_admin_pin() {
    sql "$DB" "UPDATE app_user SET pin_hash = '$KIOSK_PIN_2548' WHERE login = 'admin'"
    start_as "$DB" wimon --kiosk
    key F10
    wait_for "รหัส PIN ของ admin:" || return 1
    key Escape
    wait_gone "รหัส PIN ของ admin:" || return 1
    # q on the home screen is refused the same way
    key q
    wait_for "รหัส PIN ของ admin:" || return 1
    type_text "1111"
    key Enter
    wait_for "รหัส PIN ไม่ถูกต้อง โปรแกรมยังเปิดอยู่" || return 1
    if screen | grep -q "EXIT="; then echo "  quit with a wrong PIN" >&2; return 1; fi
    type_text "2548"
    key Enter
    wait_for "EXIT=0" || return 1
}

test_kiosk_without_admin_pin_cannot_quit() {
    start_as "$DB" wimon --kiosk
    key F10
    wait_for "ยังไม่ได้ตั้งรหัส PIN" || return 1
    key Enter
    key F10
    key Escape
    wait_gone "ยังไม่ได้ตั้งรหัส PIN" || return 1
    wait_for "ผู้ใช้: wimon" || return 1
    if screen | grep -q "EXIT="; then echo "  the kiosk was left" >&2; return 1; fi
}

test_kiosk_suspend_keys_do_nothing() {
    start_as "$DB" wimon --kiosk
    pid=$(tapian_pid "$DB")
    key C-z
    key 'C-\'
    key C-c
    # a key after them is still handled by tapian: it is running, not stopped
    key F10
    wait_for "ยังไม่ได้ตั้งรหัส PIN" || return 1
    state=$(ps -o stat= -p "$pid" | cut -c1)
    case "$state" in
    T) echo "  tapian was stopped" >&2; return 1 ;;
    "") echo "  tapian is gone" >&2; return 1 ;;
    esac
    if screen | grep -q "EXIT="; then echo "  tapian ended" >&2; return 1; fi
}

test_kiosk_idle_lock_keeps_draft() {
    start_as "$DB" wimon --kiosk --idle-seconds 3
    key n
    wait_for "บันทึกย่อ" || return 1
    type_text "ประชุมกลุ่มออมทรัพย์"
    wait_for "ประชุมกลุ่มออมทรัพย์" || return 1
    wait_for "ใครกำลังใช้งาน" 15 || return 1
    wait_for "ล็อกแล้ว" || return 1
    if screen | grep -q "ประชุมกลุ่มออมทรัพย์"; then
        echo "  the note is still shown after the lock" >&2; return 1
    fi
    type_text "วิมล"
    key Enter
    wait_for "ผู้ใช้: wimon" || return 1
    key n
    wait_for "ประชุมกลุ่มออมทรัพย์" || return 1
}

test_kiosk_shows_sync_folder() {
    mkdir "$E2E_TMP/sync"
    touch -d '2026-01-02 03:04' "$E2E_TMP/sync/older.zip"
    touch -d '2026-03-04 05:06' "$E2E_TMP/sync/newest.zip"
    sql "$DB" "INSERT INTO setting (key, value) VALUES ('sync_dir', '$E2E_TMP/sync')"
    start_as "$DB" wimon --kiosk
    wait_for "2026-03-04 05:06" || return 1
}
