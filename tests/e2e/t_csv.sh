# CSV from the command line: export the pilot meetings, import an edited
# copy (a dry run first), and the refusals.

test_csv_export_and_import() {
    "$E2E_BIN" --db "$DB" --user admin export meeting -o "$E2E_TMP/m.csv" >/dev/null || return 1
    # the BOM, the ASCII header, CRLF, and quotes only where needed, doubled inside
    assert_eq "$(head -c 3 "$E2E_TMP/m.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" || return 1
    head -1 "$E2E_TMP/m.csv" | grep -q "id,version,held_on,circle,title,status" || return 1
    head -1 "$E2E_TMP/m.csv" | grep -q "$(printf '\r$')" || return 1
    rows=$(sql "$DB" "SELECT count(*) FROM meeting WHERE deleted_at IS NULL")
    # edit one title to hold a comma and quotes, and add a row in BE dates
    id=$(sql "$DB" "SELECT id FROM meeting ORDER BY held_on LIMIT 1")
    sed "s/^$id,1,\([^,]*\),\([^,]*\),[^,]*,/$id,1,\1,\2,\"วง, \"\"แก้\"\" แล้ว\",/" "$E2E_TMP/m.csv" > "$E2E_TMP/e.csv"
    printf ',,11/10/2548,kit,วงใหม่,held,,,,,,,,,\r\n' >> "$E2E_TMP/e.csv"
    out=$("$E2E_BIN" --db "$DB" --user admin import meeting "$E2E_TMP/e.csv" --dry-run) || { echo "$out" >&2; return 1; }
    echo "$out" | grep -q "1.*1" || { echo "$out" >&2; return 1; }
    assert_eq "$(sql "$DB" "SELECT count(*) FROM meeting WHERE deleted_at IS NULL")" "$rows" || return 1
    "$E2E_BIN" --db "$DB" --user admin import meeting "$E2E_TMP/e.csv" >/dev/null || return 1
    assert_eq "$(sql "$DB" "SELECT title FROM meeting WHERE id = '$id'")" 'วง, "แก้" แล้ว' || return 1
    assert_eq "$(sql "$DB" "SELECT count(*) FROM meeting WHERE title = 'วงใหม่' AND held_on = '2005-10-11'")" "1" || return 1
    # the title is quoted in a new export, as Excel would
    "$E2E_BIN" --db "$DB" --user admin export meeting -o "$E2E_TMP/m2.csv" >/dev/null || return 1
    grep -qF '"วง, ""แก้"" แล้ว"' "$E2E_TMP/m2.csv" || return 1
}

test_csv_refusals() {
    "$E2E_BIN" --db "$DB" --user admin export meeting -o "$E2E_TMP/m.csv" >/dev/null || return 1
    # the old file again after the change: a stale version, line-numbered
    id=$(sql "$DB" "SELECT id FROM meeting ORDER BY held_on LIMIT 1")
    sql "$DB" "UPDATE meeting SET version = version + 1 WHERE id = '$id'"
    sed "s/^$id,1,\([^,]*\),\([^,]*\),[^,]*,/$id,1,\1,\2,ใหม่,/" "$E2E_TMP/m.csv" > "$E2E_TMP/e.csv"
    if "$E2E_BIN" --db "$DB" --user admin import meeting "$E2E_TMP/e.csv" 2> "$E2E_TMP/err" >/dev/null; then
        echo "  stale row accepted" >&2
        return 1
    fi
    grep -q "e.csv:[0-9]*: version: " "$E2E_TMP/err" || { cat "$E2E_TMP/err" >&2; return 1; }
    # no user given (none linked to this OS account): refused, told to use --user
    rc=0
    "$E2E_BIN" --db "$DB" import meeting "$E2E_TMP/m.csv" 2> "$E2E_TMP/err" >/dev/null || rc=$?
    assert_eq "$rc" "1" || return 1
    grep -q -- "--user" "$E2E_TMP/err" || { cat "$E2E_TMP/err" >&2; return 1; }
}

# An import keeps a copy of what was there before it, in backups/.
test_import_makes_a_backup() {
    "$E2E_BIN" --db "$DB" --user admin export meeting -o "$E2E_TMP/bk.csv" >/dev/null || return 1
    before=$(ls "$E2E_TMP/backups" 2>/dev/null | grep -c "^$(basename "$DB")-.*-import.db$" || true)
    "$E2E_BIN" --db "$DB" --user admin import meeting "$E2E_TMP/bk.csv" >/dev/null || return 1
    after=$(ls "$E2E_TMP/backups" | grep -c "^$(basename "$DB")-.*-import.db$")
    assert_eq "$after" "$((before + 1))" || return 1
}
