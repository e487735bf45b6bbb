# The calendar: a meeting's date chosen with the picker and saved; a
# facilitator plans two visits on one day for the same facilitator, sees
# the clash, and marks one done with a new meeting record.

test_meeting_date_from_picker() {
    export TAPIAN_TODAY=2005-10-11
    start_as "$DB" admin || return 1
    open_list meeting || return 1
    key a
    wait_for "เพิ่มใหม่" || return 1
    wait_for "F4 ปฏิทิน" || return 1
    key F4
    wait_for "ตุลาคม 2548" || return 1
    # two days on, a month on: 13 พฤศจิกายน 2548
    key Right Right PgDn
    wait_for "พฤศจิกายน 2548" || return 1
    key Enter
    wait_for "13 พ.ย. 2548" || return 1
    # the picked day is autosaved like typing
    wait_sql "$DB" "SELECT value FROM draft WHERE form = 'form:meeting:new' AND field = 'held_on'" "13 พ.ย. 2548" || return 1
    # Esc in the picker leaves the field as it was
    key F4
    wait_for "พฤศจิกายน 2548" || return 1
    key PgUp Escape
    wait_gone "t วันนี้" || return 1
    wait_for "13 พ.ย. 2548" || return 1
    key Tab
    type_text " "
    key Tab
    type_text "วงคุณกิจวันที่เลือกจากปฏิทิน"
    key F2
    wait_for "บันทึกแล้ว" || return 1
    assert_eq "$(sql "$DB" "SELECT held_on FROM meeting WHERE title = 'วงคุณกิจวันที่เลือกจากปฏิทิน'")" "2005-11-13" || return 1
}

# add_visit GROUP_DOWNS AGENDA: from the month view, a visit on the
# selected day at the group so many rows down the chooser, with วิชม as the
# responsible facilitator.
add_visit() {
    key a
    wait_for "ตารางลงพื้นที่ — เพิ่มใหม่" || return 1
    wait_for "20 ต.ค. 2548" || return 1
    key Tab Tab Enter
    wait_for "ค้นหา:" || return 1
    [ "$1" -eq 0 ] || key Down
    key Enter
    key Tab
    type_text "$2"
    key Tab Enter
    wait_for "ค้นหา:" || return 1
    type_text "วิชม"
    wait_for "วิชม ทองสงค์" || return 1
    key Enter
    wait_for "วิชม ทองสงค์" || return 1
    key F2
    wait_for "ตารางลงพื้นที่รายเดือน" || return 1
}

test_visit_clash_and_meeting_link() {
    sql "$DB" "INSERT INTO finance_group (id, site_id, type, name, place_id)
        SELECT '00000005-0000-4000-8000-0000000000f1', site_id,
               'production_savings', 'กลุ่มออมทรัพย์เพื่อการผลิตบ้านท่าไร่', place_id
        FROM finance_group WHERE id = '00000005-0000-4000-8000-000000000001'"
    export TAPIAN_TODAY=2005-10-11
    start_as "$DB" chinnawat || return 1
    # the last task of คุณอำนวย's menu asks for the plan first
    key f
    wait_for "เลือกแผนลงพื้นที่" || return 1
    key Enter
    wait_for "ตุลาคม 2548" || return 1
    wait_for "ทั้งแผน: นัดซ้อน 0 เลยกำหนด" || return 1
    # the 20th: a week down, two days right
    key Down Right Right
    wait_for "20 ตุลาคม 2548: ไม่มีการลงพื้นที่" || return 1
    add_visit 0 "ฟังเป้าหมายของกลุ่ม" || return 1
    wait_for "20 ตุลาคม 2548: ลงพื้นที่ 1 ครั้ง" || return 1
    add_visit 1 "ทบทวนสมุดบัญชี" || return 1
    wait_for "20 ตุลาคม 2548: ลงพื้นที่ 2 ครั้ง" || return 1
    # the clash: on the day, on both visits and in the counts
    wait_for "ทั้งแผน: นัดซ้อน 2 เลยกำหนด" || return 1
    wait_for "[20]‼" || return 1
    assert_eq "$(screen | grep -c "‼  กลุ่มออม\|‼  เครือข่าย")" "2" || return 1
    assert_eq "$(sql "$DB" "SELECT count(*) FROM field_visit WHERE visit_on = '2005-10-20' AND plan_id = '00000009-0000-4000-8000-000000000001' AND facilitator_id = '00000003-0000-4000-8000-000000000001' AND created_by = 'chinnawat'")" "2" || return 1
    # done: a new meeting record from the first visit, opened to complete
    key m
    wait_for "สร้างบันทึกการประชุมใหม่" || return 1
    key Enter
    wait_for "ลงพื้นที่: กลุ่มออมทรัพย์เพื่อการผลิตบ้านท่าไร่" || return 1
    key Escape
    wait_for "บันทึกการประชุม: ลงพื้นที่:" || return 1
    wait_for "ไปแล้ว · คุณอำนวย วิชม ทองสงค์" || return 1
    id=$(sql "$DB" "SELECT meeting_id FROM field_visit WHERE status = 'done' AND agenda = 'ฟังเป้าหมายของกลุ่ม'")
    [ -n "$id" ] || { echo "  the visit is not linked" >&2; return 1; }
    assert_eq "$(sql "$DB" "SELECT held_on || ' ' || circle || ' ' || agenda FROM meeting WHERE id = '$id'")" "2005-10-20 field_stage ฟังเป้าหมายของกลุ่ม" || return 1
    # both writes are in the audit trail under the facilitator's login
    assert_eq "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE row_id = '$id' AND who = 'chinnawat'")" "1" || return 1
    # m on a done visit opens its meeting record
    key m
    wait_for "การประชุมและวงเรียนรู้ — แก้ไข" || return 1
}
