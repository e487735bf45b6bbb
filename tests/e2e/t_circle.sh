# A facilitator runs the 11 ต.ค. circle again from the pilot data, end to end.

test_facilitator_runs_11_oct_circle() {
    m='00000006-0000-4000-8000-000020051011'
    start_as "$DB" chinnawat || return 1
    key 1                                  # the first task: run a circle
    wait_for "วงคุณอำนวย" || return 1
    key Down Enter                         # วงคุณอำนวย
    wait_for "11 ต.ค. 2548" || return 1
    key Enter                              # the newest: 11 ต.ค. 2548
    # as the pilot data says: ลุงชินวัฒน์ absent, the governor observing,
    # and the 15 ก.ย. session's homework above
    wait_for "[ขาด] ลุงชินวัฒน์" || return 1
    wait_for "ผู้ว่าฯ วิชม ทองสงค์" || return 1
    wait_for "ครั้งก่อน 15 ก.ย. 2548" || return 1
    # this time he came; อ.จำนง is added and sends a representative
    key Space Space Space                  # absent → excused → late → sent someone
    wait_for "ผู้มาแทน:" || return 1
    key Escape Space                       # no representative after all → present
    wait_for "[มา] ลุงชินวัฒน์" || return 1
    key a
    wait_for "เพิ่มผู้เข้าร่วม" || return 1
    type_text "จำนง"
    key Enter
    wait_for "[มา] อ.จำนง" || return 1
    key Space Space Space Space            # present → ... → sent someone
    wait_for "ผู้มาแทน:" || return 1
    type_text "ครูสมใจ"
    key Enter
    wait_for "อ.จำนง → ครูสมใจ" || return 1
    # outcomes and next steps in Thai, at the end of what is there
    key Tab Tab
    key End
    type_text " ทบทวนปลาตะเพียนทุกกลุ่ม"
    key Tab
    type_text " นัดวงถัดไปเดือนพฤศจิกายน"
    wait_sql "$DB" "SELECT count(*) FROM draft WHERE form = 'circle:$m' AND field = 'next_steps' AND value LIKE '%พฤศจิกายน'" "1" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
    assert_eq "$(sql "$DB" "SELECT status FROM attendance WHERE meeting_id = '$m' AND person_id = '00000003-0000-4000-8000-000000000010' AND deleted_at IS NULL")" "present" || return 1
    assert_eq "$(sql "$DB" "SELECT status || '|' || representative_name || '|' || created_by FROM attendance WHERE meeting_id = '$m' AND person_id = '00000003-0000-4000-8000-000000000003' AND deleted_at IS NULL")" "representative|ครูสมใจ|chinnawat" || return 1
    assert_eq "$(sql "$DB" "SELECT attendee_count FROM meeting WHERE id = '$m'")" "2" || return 1
    assert_eq "$(sql "$DB" "SELECT outcomes LIKE '%ทบทวนปลาตะเพียนทุกกลุ่ม' AND next_steps LIKE '%นัดวงถัดไปเดือนพฤศจิกายน' AND updated_by = 'chinnawat' FROM meeting WHERE id = '$m'")" "1" || return 1
    # the governor is still the one observer; the draft is gone after the save
    assert_eq "$(sql "$DB" "SELECT count(*) FROM observer WHERE meeting_id = '$m' AND deleted_at IS NULL")" "1" || return 1
    assert_eq "$(sql "$DB" "SELECT count(*) FROM draft WHERE form = 'circle:$m'")" "0" || return 1
}
