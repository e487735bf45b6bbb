# The blank bookkeeping register and "cited by": printing the register of a
# format version from its list, the same from the command line in both
# formats with its refusals, and a meeting's citing lessons opened from its
# form, with a new lesson started there.

# Two registers in the pilot's draft format version (its columns are not
# in the documents; these stand in for the agreed ones).
add_registers() {
    sql "$DB" "
    INSERT INTO register (id, site_id, format_version_id, name, source_agency_id)
      VALUES ('0000000e-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000000',
              '0000000c-0000-4000-8000-000000000001', 'ทะเบียนเงินฝากสัจจะ',
              '00000002-0000-4000-8000-000000000003'),
             ('0000000e-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000000',
              '0000000c-0000-4000-8000-000000000001', 'ทะเบียนสมาชิก', NULL);
    INSERT INTO register_column (site_id, register_id, position, name, kind) VALUES
      ('00000000-0000-4000-8000-000000000000', '0000000e-0000-4000-8000-000000000001', 2, 'จำนวนเงิน', 'money'),
      ('00000000-0000-4000-8000-000000000000', '0000000e-0000-4000-8000-000000000001', 1, 'วันที่', 'date'),
      ('00000000-0000-4000-8000-000000000000', '0000000e-0000-4000-8000-000000000002', 1, 'ชื่อ–สกุล', 'text');"
}

test_register_printed_from_its_list() {
    add_registers
    start_tapian "$DB" || return 1
    key l
    wait_for "ค้นหา:" || return 1
    type_text "register_format_version"
    key Enter
    wait_for "แบบทะเบียนบัญชีของจังหวัด" || return 1
    key p
    wait_for "tapian-register.html" || return 1
    # CSV first, then back to HTML: the default name follows the format
    key Down
    wait_for "tapian-register.csv" || return 1
    key Up
    wait_for "tapian-register.html" || return 1
    key Tab End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
        BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
    type_text "$E2E_TMP/blank.html"
    key Enter
    wait_file "$E2E_TMP/blank.html" || return 1
    wait_for "blank.html" || return 1
    xmllint --html --noout "$E2E_TMP/blank.html" || return 1
    # a draft, both registers, columns in position order
    grep -q 'class="draft"' "$E2E_TMP/blank.html" || return 1
    assert_eq "$(grep -c '<div class="register"' "$E2E_TMP/blank.html")" "2" || return 1
    grep -q '<th class="date">วันที่<br>.*</th><th class="money">จำนวนเงิน' \
        "$E2E_TMP/blank.html" || return 1
    grep -q 'ธกส.' "$E2E_TMP/blank.html" || return 1
    # F6 in the version's form offers the same
    key Escape
    wait_gone "blank.html" || return 1
    key Enter
    wait_for "F6" || return 1
    key F6
    wait_for "tapian-register.html" || return 1
}

test_register_from_the_command_line() {
    add_registers
    out="$E2E_TMP/r.csv"
    "$E2E_BIN" --db "$DB" export register แบบทะเบียนบัญชีของจังหวัด --rows 4 \
        --register ทะเบียนสมาชิก -o "$out" >/dev/null || return 1
    # UTF-8 with a BOM, the header of the columns, four empty rows
    assert_eq "$(head -c 3 "$out" | od -An -tx1 | tr -d ' ')" "efbbbf" || return 1
    grep -q "^ชื่อ–สกุล" "$out" || return 1
    assert_eq "$(grep -c '^$' "$out" | tr -d ' ')" "0" || return 1
    assert_eq "$(tail -n 4 "$out" | tr -d '\r' | grep -c '^$')" "4" || return 1
    # no version is approved yet: the default is refused, nothing written
    rc=0
    "$E2E_BIN" --db "$DB" export register -o "$E2E_TMP/none.html" >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "1" || return 1
    [ ! -e "$E2E_TMP/none.html" ] || return 1
    # approved: the default; the approval in the Buddhist era
    sql "$DB" "UPDATE register_format_version SET status = 'approved',
        approved_by = '00000003-0000-4000-8000-000000000001', approved_at = '2005-12-02'"
    "$E2E_BIN" --db "$DB" export register --format html -o "$E2E_TMP/a.html" >/dev/null || return 1
    grep -q '2 ธ.ค. 2548' "$E2E_TMP/a.html" || return 1
    ! grep -q 'class="draft"' "$E2E_TMP/a.html" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" export register --format pdf -o "$E2E_TMP/x" >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" export register --rows 0 -o "$E2E_TMP/x" >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    # the list of registers itself, as before
    "$E2E_BIN" --db "$DB" export register --list -o "$E2E_TMP/list.csv" >/dev/null || return 1
    assert_eq "$(grep -c 'ทะเบียน' "$E2E_TMP/list.csv")" "2" || return 1
}

test_meeting_cited_by_lessons() {
    start_tapian "$DB" || return 1
    open_list meeting || return 1
    # newest first: 2 ธ.ค., then the 28 พ.ย. 2548 meeting two lessons cite
    key Down Enter
    wait_for "ประชุมสรุปบทเรียนการเรียนรู้ของคุณกิจ" || return 1
    key F6
    wait_for "บทเรียน 3 ตำบลสำหรับการขยายผล 400 หมู่บ้าน" || return 1
    wait_for "ส่วนราชการต่างคนต่างทำ" || return 1
    key Enter
    wait_for "สิ่งที่เกิดขึ้นจริง" || return 1
    key Escape
    wait_gone "สิ่งที่เกิดขึ้นจริง" || return 1
    wait_for "ส่วนราชการต่างคนต่างทำ" || return 1
    # a new lesson from here cites the meeting
    key l
    wait_for "จากการประชุม" || return 1
    type_text " "                      # the first kind of lesson
    key Tab
    type_text "บทเรียนใหม่จากวงคุณกิจ"
    key F2
    wait_for "บันทึกแล้ว" || return 1
    assert_eq "$(sql "$DB" "SELECT meeting_id FROM lesson WHERE title = 'บทเรียนใหม่จากวงคุณกิจ'")" \
        "00000006-0000-4000-8000-000020051128" || return 1
    key Escape
    wait_for "บทเรียนใหม่จากวงคุณกิจ" || return 1
}
