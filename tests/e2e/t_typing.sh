# Typing Thai into the field editor of the note form.

# type_and_save TEXT: types TEXT as the note's title and saves it.
type_and_save() {
    type_text "$1"
    wait_for "$1" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
}

test_type_thai_cases() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    for word in "กุ้งที่น้ำสำคัญ" "น้ำ" "กุ้ง" "เอก แดง ไก่" "ผู้ว่าฯ วิชม ทองสงค์" "๑๑ ต.ค. ๒๕๔๘"; do
        type_and_save "$word" || return 1
        got=$(sql "$DB" "SELECT count(*) FROM note WHERE title='$word'")
        assert_eq "$got" "1" || return 1
    done
}

# A tone typed before the vowel is put after it (input sequence checking).
test_input_sequence_checking() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    type_text "กุ่"
    wait_for "กุ่" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
    got=$(sql "$DB" "SELECT hex(title) FROM note")
    assert_eq "$got" "$(printf 'กุ่' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" || return 1
}

test_backspace_removes_one_code_point() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    type_text "กุ้ง"
    wait_for "กุ้ง" || return 1
    key BSpace BSpace
    wait_for "กุ" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
    assert_eq "$(sql "$DB" "SELECT title FROM note")" "กุ" || return 1
}

test_kedmanee_keyboard() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    type_text '`'
    wait_for "ไทย" || return 1
    type_text "l;ylfu"
    wait_for "สวัสดี" || return 1
    type_text '`'
    wait_for "ENG" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
    assert_eq "$(sql "$DB" "SELECT title FROM note")" "สวัสดี" || return 1
}

test_multiline_note() {
    start_tapian "$DB" || return 1
    key n
    wait_for "หัวเรื่อง" || return 1
    type_text "บันทึกวงเรียนรู้"
    key Tab
    type_text "มีผู้เข้าร่วม 14 คน"
    key Enter
    type_text "ขาดลุงชินวัฒน์คนเดียว"
    wait_for "ขาดลุงชินวัฒน์คนเดียว" || return 1
    key F2
    wait_for "บันทึกแล้ว" || return 1
    got=$(sql "$DB" "SELECT body FROM note")
    assert_eq "$got" "มีผู้เข้าร่วม 14 คน
ขาดลุงชินวัฒน์คนเดียว" || return 1
}
