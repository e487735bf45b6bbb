# `tapian search` on the pilot database: one record a line, tab-separated
# kind, id, title, date; short and long queries; tombstones; usage errors.

test_search_lines_are_tab_separated() {
    out=$("$E2E_BIN" --db "$DB" search ออม) || return 1
    [ -n "$out" ] || { echo "  nothing found for ออม" >&2; return 1; }
    printf '%s\n' "$out" | while IFS= read -r line; do
        n=$(printf '%s' "$line" | awk -F'\t' '{print NF}')
        [ "$n" = 4 ] || { echo "  not 4 fields: $line" >&2; exit 1; }
        kind=$(printf '%s' "$line" | cut -f1)
        id=$(printf '%s' "$line" | cut -f2)
        case "$kind" in knowledge_asset|lesson|meeting|note) ;;
            *) echo "  bad kind: $kind" >&2; exit 1 ;; esac
        # the id names a live record of that kind whose text holds the query
        got=$(sql "$DB" "SELECT count(*) FROM $kind WHERE id = '$id' AND deleted_at IS NULL")
        [ "$got" = 1 ] || { echo "  no live $kind $id" >&2; exit 1; }
    done || return 1
    # the meeting of 15 Oct 2005 is found by a word of its title, with its date
    printf '%s\n' "$out" | grep -q "	2005-10-15$" || { echo "$out" >&2; return 1; }
}

test_search_short_queries_and_limit() {
    n=$("$E2E_BIN" --db "$DB" search อ --limit 3 | wc -l)
    assert_eq "$n" "3" || return 1
    # every record that holds the two characters, and only those
    want=$(sql "$DB" "SELECT count(*) FROM meeting WHERE deleted_at IS NULL AND (instr(title, 'ตำ') OR instr(coalesce(outcomes,''), 'ตำ') OR instr(coalesce(next_steps,''), 'ตำ') OR instr(coalesce(notes,''), 'ตำ'))")
    got=$("$E2E_BIN" --db "$DB" search ตำ --limit 1000 | grep -c "^meeting	")
    assert_eq "$got" "$want" || return 1
}

test_search_tombstoned_not_found() {
    id=$("$E2E_BIN" --db "$DB" search ออม | head -n 1 | cut -f2)
    kind=$("$E2E_BIN" --db "$DB" search ออม | head -n 1 | cut -f1)
    sql "$DB" "UPDATE $kind SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = '$id'"
    if "$E2E_BIN" --db "$DB" search ออม | grep -q "$id"; then
        echo "  tombstoned $kind still found" >&2
        return 1
    fi
}

test_search_usage() {
    rc=0
    "$E2E_BIN" --db "$DB" search >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    rc=0
    "$E2E_BIN" --db "$DB" search ออม --limit 0 >/dev/null 2>&1 || rc=$?
    assert_eq "$rc" "2" || return 1
    out=$("$E2E_BIN" --db "$DB" search "ไม่มีคำนี้แน่นอน") || return 1
    assert_eq "$out" "" || return 1
}
