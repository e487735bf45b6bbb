# Sync between a kiosk and the hub through real packs: the same meeting
# changed on both, the pack brings a conflict, and a facilitator settles it
# on the conflicts screen; a pack from a kiosk that changes reference data
# is refused whole.

# sync_pair HUB KIOSK: two files introduced to each other (the kiosk a new
# file, so its site id differs from the hub's).
sync_pair() {
    rm -f "$2" "$2-wal" "$2-shm"
    "$E2E_BIN" --db "$2" --headless "$E2E_TMP/empty.keys" || return 1
    hub_id=$("$E2E_BIN" --db "$1" sync id) || return 1
    kiosk_id=$("$E2E_BIN" --db "$2" sync id) || return 1
    tambon=$(sql "$1" "SELECT id FROM place WHERE kind = 'tambon' AND name = 'ท่าไร่'")
    "$E2E_BIN" --db "$1" --user admin sync role hub >/dev/null || return 1
    "$E2E_BIN" --db "$1" --user admin sync add-site "$kiosk_id" "ท่าไร่ เครื่องที่ 1" --tambon "$tambon" >/dev/null || return 1
    "$E2E_BIN" --db "$2" --user admin sync role kiosk --tambon "$tambon" >/dev/null || return 1
    "$E2E_BIN" --db "$2" --user admin sync add-site "$hub_id" "ศูนย์จังหวัด" --hub >/dev/null || return 1
}

# retitle DB ID VERSION TITLE: one meeting's title changed through a CSV
# import (the audited write path).
retitle() {
    "$E2E_BIN" --db "$1" --user admin export meeting -o "$E2E_TMP/r.csv" >/dev/null || return 1
    { head -1 "$E2E_TMP/r.csv"
      grep "^$2,$3," "$E2E_TMP/r.csv" | sed "s/^$2,$3,\([^,]*\),\([^,]*\),[^,]*,/$2,$3,\1,\2,$4,/"
    } > "$E2E_TMP/r2.csv"
    "$E2E_BIN" --db "$1" --user admin import meeting "$E2E_TMP/r2.csv" >/dev/null || return 1
}

test_sync_conflict_resolved_on_screen() {
    kiosk="$E2E_TMP/kiosk.db"
    sync_pair "$DB" "$kiosk" || return 1
    id=00000006-0000-4000-8000-000020051011
    # both make version 2; the kiosk's is the later, so it wins the tie
    retitle "$DB" $id 1 "วงคุณอำนวย แก้ที่ศูนย์" || return 1
    retitle "$kiosk" $id 1 "วงคุณอำนวย แก้ที่ตำบล ครั้งที่สอง" || return 1
    "$E2E_BIN" --db "$kiosk" sync export -o "$E2E_TMP/k.pack" >/dev/null || return 1
    out=$("$E2E_BIN" --db "$DB" sync import "$E2E_TMP/k.pack") || { echo "$out" >&2; return 1; }
    assert_eq "$(sql "$DB" "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")" "1" || return 1
    # the higher version won at the hub; the hub's own is kept aside
    assert_eq "$(sql "$DB" "SELECT title FROM meeting WHERE id = '$id'")" "วงคุณอำนวย แก้ที่ตำบล ครั้งที่สอง" || return 1
    # ลุงชินวัฒน์, a คุณอำนวย both files know (the conflicts screen is the
    # last of his home's tasks)
    start_as "$DB" chinnawat || return 1
    key g
    wait_for "ท่าไร่ เครื่องที่ 1" || return 1
    key Enter
    wait_for "วงคุณอำนวย แก้ที่ศูนย์" || return 1
    wait_for "≠" || return 1
    key h
    wait_for "y = " || return 1
    key y
    wait_sql "$DB" "SELECT title FROM meeting WHERE id = '$id'" "วงคุณอำนวย แก้ที่ศูนย์" || return 1
    wait_gone "≠" || return 1
    key F10
    wait_for "EXIT=0" || return 1
    # settled, not deleted: the kiosk's version is still kept
    assert_eq "$(sql "$DB" "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NOT NULL AND resolved_by = 'chinnawat' AND incoming_json LIKE '%ครั้งที่สอง%'")" "1" || return 1
    assert_eq "$(sql "$DB" "SELECT count(*) FROM audit_log WHERE row_id = '$id' AND who = 'chinnawat' AND action = 'update'")" "1" || return 1
    # the choice travels back: the kiosk ends with the hub's title
    "$E2E_BIN" --db "$DB" sync export --to "$kiosk_id" -o "$E2E_TMP/h.pack" >/dev/null || return 1
    "$E2E_BIN" --db "$kiosk" sync import "$E2E_TMP/h.pack" >/dev/null || return 1
    assert_eq "$(sql "$kiosk" "SELECT title FROM meeting WHERE id = '$id'")" "วงคุณอำนวย แก้ที่ศูนย์" || return 1
}

# A kiosk that set itself up as a hub adds a person; the real hub refuses
# the pack, names the table, row and author, and changes nothing.
test_sync_kiosk_reference_refused() {
    kiosk="$E2E_TMP/kiosk.db"
    sync_pair "$DB" "$kiosk" || return 1
    "$E2E_BIN" --db "$kiosk" --user admin sync role hub >/dev/null || return 1
    printf 'name\r\nนายดำ\r\n' > "$E2E_TMP/p.csv"
    "$E2E_BIN" --db "$kiosk" --user admin import person "$E2E_TMP/p.csv" >/dev/null || return 1
    person=$(sql "$kiosk" "SELECT id FROM person WHERE name = 'นายดำ'")
    "$E2E_BIN" --db "$kiosk" sync export -o "$E2E_TMP/k.pack" >/dev/null || return 1
    before=$(sql "$DB" "SELECT count(*) FROM person")
    if "$E2E_BIN" --db "$DB" sync import "$E2E_TMP/k.pack" 2> "$E2E_TMP/err" >/dev/null; then
        echo "  the pack was taken" >&2
        return 1
    fi
    grep -q "person" "$E2E_TMP/err" || { cat "$E2E_TMP/err" >&2; return 1; }
    grep -q "$person" "$E2E_TMP/err" || { cat "$E2E_TMP/err" >&2; return 1; }
    assert_eq "$(sql "$DB" "SELECT count(*) FROM person")" "$before" || return 1
}
