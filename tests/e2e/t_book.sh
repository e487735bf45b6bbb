# export book: the pilot's knowledge assets and lessons in the printed
# textbook, a well-formed HTML file; bad subjects and options refused.

test_book_html_has_the_pilot() {
    out="$E2E_TMP/book.html"
    "$E2E_BIN" --db "$DB" export book --format html -o "$out" >/dev/null || return 1
    xmllint --html --noout "$out" || return 1
    grep -q '<html lang="th">' "$out" || return 1
    for title in $(sql "$DB" "SELECT replace(title, ' ', '_') FROM knowledge_asset
                             UNION ALL SELECT replace(title, ' ', '_') FROM lesson"); do
        t=$(printf '%s' "$title" | tr '_' ' ')
        n=$(grep -c -F "<h5>$t</h5>" "$out")
        assert_eq "$n" "1" || { echo "  not once: $t" >&2; return 1; }
    done
    assert_eq "$(grep -c 'class="record asset"' "$out")" \
        "$(sql "$DB" "SELECT count(*) FROM knowledge_asset")" || return 1
    assert_eq "$(grep -c 'class="record lesson"' "$out")" \
        "$(sql "$DB" "SELECT count(*) FROM lesson")" || return 1
    grep -q '28 พ.ย. 2548' "$out" || return 1
}

test_book_text_and_errors() {
    "$E2E_BIN" --db "$DB" export book --format text --width 40 -o "$E2E_TMP/b.txt" \
        >/dev/null || return 1
    grep -q 'ตำราการเรียนรู้ของจังหวัดนครศรีธรรมราช' "$E2E_TMP/b.txt" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" export nothing >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" export book --format pdf -o "$E2E_TMP/x" >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" export book --tambon ไม่มี -o "$E2E_TMP/x" >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "1" || return 1
    [ ! -e "$E2E_TMP/x" ] || return 1
}
