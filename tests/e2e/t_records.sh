# Records through the generic lists and forms: a recorder adds a meeting
# with attendees and finds it, a draft survives kill -9, two people editing
# the same record see the conflict, and a role without the right cannot
# change what it may only read.

recorder_role() {
    # น้องตุ้ย records the sessions of her tambon (คุณบันทึก)
    sql "$DB" "INSERT INTO role_assignment (site_id, person_id, role_code)
        VALUES ('00000000-0000-4000-8000-000000000000',
                '00000003-0000-4000-8000-000000000011', 'khun_banthuek')"
}

test_recorder_adds_meeting_with_attendees() {
    recorder_role
    start_as "$DB" tui || return 1
    open_list meeting || return 1
    key a
    wait_for "เพิ่มใหม่" || return 1
    key Tab
    type_text " "                      # the first kind of circle
    key Tab
    type_text "วงคุณกิจบ้านท่าไร่ครั้งที่ ๑"
    # to the attendees: status, place, venue, purpose, agenda, homework
    key Tab Tab Tab Tab Tab Tab Tab
    key Enter
    wait_for "เลือกแล้ว 0" || return 1
    key Space Down Space Down Space Down Space Down Space
    wait_for "เลือกแล้ว 5" || return 1
    key Enter
    wait_for "(5)" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
    id=$(sql "$DB" "SELECT id FROM meeting WHERE title = 'วงคุณกิจบ้านท่าไร่ครั้งที่ ๑'")
    [ -n "$id" ] || { echo "  meeting not saved" >&2; return 1; }
    assert_eq "$(sql "$DB" "SELECT count(*) FROM attendance WHERE meeting_id = '$id' AND status = 'present' AND deleted_at IS NULL")" "5" || return 1
    assert_eq "$(sql "$DB" "SELECT attendee_count FROM meeting WHERE id = '$id'")" "5" || return 1
    assert_eq "$(sql "$DB" "SELECT created_by FROM meeting WHERE id = '$id'")" "tui" || return 1
    # find it with /
    key End
    type_text "/"
    type_text "ท่าไร่ครั้ง"
    key Enter
    wait_for "พบ 1 รายการ" || return 1
    wait_for "วงคุณกิจบ้านท่าไร่ครั้งที่ ๑" || return 1
}

test_form_draft_survives_kill9() {
    start_as "$DB" admin || return 1
    open_list meeting || return 1
    key a
    wait_for "เพิ่มใหม่" || return 1
    key Tab Tab
    type_text "ประชุมที่ยังไม่ได้บันทึก"
    wait_for "ประชุมที่ยังไม่ได้บันทึก" || return 1
    # the draft is on disk within about a second of the last key
    wait_sql "$DB" "SELECT value FROM draft WHERE form = 'form:meeting:new' AND field = 'title'" "ประชุมที่ยังไม่ได้บันทึก" || return 1
    kill -9 "$(tapian_pid "$DB")"
    wait_for "EXIT=137" || return 1
    # nothing could restore the terminal after SIGKILL: as a user would
    type_text "stty sane"
    key C-j
    type_text "clear; exec_tapian"
    key C-j
    wait_for "ผู้ใช้: admin" || return 1
    open_list meeting || return 1
    key a
    wait_for "ประชุมที่ยังไม่ได้บันทึก" || return 1
    wait_for "นำข้อความที่พิมพ์ค้างไว้ครั้งก่อนกลับมาแล้ว" || return 1
    sql "$DB" "PRAGMA integrity_check" | grep -qx ok || return 1
}

test_two_editors_see_the_conflict() {
    start_as "$DB" admin || return 1
    SESSION=u start_as "$DB" admin || return 1
    for s in t u; do
        tmx send-keys -t $s: l
        wait_for_in $s "ค้นหา:" || return 1
        tmx send-keys -t $s: -l meeting
        tmx send-keys -t $s: Enter
        wait_for_in $s "รายการที่ 1" || return 1
        tmx send-keys -t $s: Enter            # the newest meeting
        wait_for_in $s "แก้ไข" || return 1
        tmx send-keys -t $s: Tab Tab End
    done
    tmx send-keys -t u: -l " (ฉบับของยู)"
    tmx send-keys -t u: F2
    wait_for_in u "บันทึกแล้ว" || return 1
    tmx send-keys -t t: -l " (ฉบับของที)"
    tmx send-keys -t t: F2
    wait_for_in t "มีผู้อื่นแก้ไขไปก่อน" || return 1
    wait_for_in t "(ฉบับของยู" || return 1
    # nothing was overwritten
    sql "$DB" "SELECT title FROM meeting WHERE title LIKE '%(ฉบับของยู)'" | grep -q . || return 1
    # keeping mine writes over the other version knowingly
    tmx send-keys -t t: m
    wait_for_in t "บันทึกแล้ว" || return 1
    sql "$DB" "SELECT title FROM meeting WHERE title LIKE '%(ฉบับของที)'" | grep -q . || return 1
}

test_role_without_right_cannot_change() {
    # คุณเกรียงไกร coordinates (คุณประสาน): he may read the support
    # commitments of the agencies but not change them
    start_as "$DB" kriangkrai || return 1
    open_list support_commitment || return 1
    key a
    wait_for "บทบาทของคุณทำสิ่งนี้ไม่ได้" || return 1
    # the users list is not even offered to him
    key Escape
    wait_for "ค้นหา: support_commitment" || return 1
    key Escape
    wait_for "งานของ" || return 1
    key l
    wait_for "ค้นหา:" || return 1
    type_text "app_user"
    wait_for "ค้นหา: app_user" || return 1
    if screen | grep -q "ผู้ใช้โปรแกรม"; then
        echo "  the users list is offered to a coordinator" >&2
        return 1
    fi
}
