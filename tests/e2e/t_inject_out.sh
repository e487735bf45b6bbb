# Escape sequences planted in the data (with the stock shell) never leave
# tapian raw: not in search results, the book in any format, or CSV.

plant_escapes() {
    sql "$DB" "INSERT INTO knowledge_asset (site_id, title, story) VALUES
        ((SELECT value FROM setting WHERE key = 'site_id'),
         'ตู้ยา' || char(27) || '[2J',
         'เรื่อง' || char(27) || ']52;c;aGk=' || char(7) || char(155) || '31m'
             || char(8238) || 'กลับ')"
}

# has_raw FILE: true when FILE holds ESC, BEL or the C1 CSI (U+009B).
has_raw() {
    LC_ALL=C grep -q "$(printf '\033')" "$1" && return 0
    LC_ALL=C grep -q "$(printf '\007')" "$1" && return 0
    LC_ALL=C grep -q "$(printf '\302\233')" "$1" && return 0
    return 1
}

test_no_raw_escapes_in_outputs() {
    plant_escapes
    "$E2E_BIN" --db "$DB" search ตู้ยา > "$E2E_TMP/s.out" || return 1
    grep -q "ตู้ยา" "$E2E_TMP/s.out" || { echo "  planted record not found" >&2; return 1; }
    for f in text md html; do
        "$E2E_BIN" --db "$DB" export book --format $f -o "$E2E_TMP/b.$f" >/dev/null || return 1
        grep -q "ตู้ยา" "$E2E_TMP/b.$f" || { echo "  $f book lacks the record" >&2; return 1; }
    done
    "$E2E_BIN" --db "$DB" --user admin export knowledge_asset -o "$E2E_TMP/k.csv" >/dev/null || return 1
    for out in s.out b.text b.md b.html k.csv; do
        if has_raw "$E2E_TMP/$out"; then
            echo "  raw control characters in $out" >&2
            return 1
        fi
    done
}
