#!/bin/sh
# Headless dumps of every C view on a database (make bench: the province
# file), at 80x24 and 120x40: the program is started for each view with
# --headless, the view opened from the home screen's menu and a few of its
# keys pressed; each dump is checked for the view's title
# on the title row and for none of the program's error messages, and the
# run is timed (wall and CPU of the whole process: start-up, opening the
# file, the view's queries and drawing).
#
#   sh bench/views.sh BINARY DB [OUTDIR]
#
# The dumps are kept in OUTDIR (default build/bench/views) to be read.
# Exits 1 when a dump lacks its title or shows an error.
set -u
bin=${1:?usage: views.sh BINARY DB [OUTDIR]}
db=${2:?usage: views.sh BINARY DB [OUTDIR]}
out=${3:-build/bench/views}
mkdir -p "$out"

# Two users of the benchmark file (it has none): an administrator, whose
# home has the dashboard, and a คุณอำนวย, whose home has the circle run, the
# fish overview, the six-step board and the self-assessment table. Written
# with the stock shell once; the program fills the new person's sort key.
sqlite3 -bail "$db" "
INSERT OR IGNORE INTO person (id, site_id, name) VALUES
  ('be0c0000-0000-4000-8000-000000000001',
   (SELECT value FROM setting WHERE key = 'site_id'), 'ผู้ทดสอบความเร็ว');
INSERT OR IGNORE INTO role_assignment (id, site_id, person_id, role_code)
  VALUES ('be0c0000-0000-4000-8000-000000000002',
   (SELECT value FROM setting WHERE key = 'site_id'),
   'be0c0000-0000-4000-8000-000000000001', 'khun_amnuay');
INSERT OR IGNORE INTO app_user (id, site_id, login, person_id, is_admin) VALUES
  ('be0c0000-0000-4000-8000-000000000003',
   (SELECT value FROM setting WHERE key = 'site_id'), 'bench_amnuay',
   'be0c0000-0000-4000-8000-000000000001', 0),
  ('be0c0000-0000-4000-8000-000000000004',
   (SELECT value FROM setting WHERE key = 'site_id'), 'bench_admin', NULL, 1);
" || exit 1

# The Thai and English texts of the program's error statuses
# (include/tapian/status.h), and of a search that found nothing.
errors="$out/errors.txt"
sed -n 's/.*X(TP_ERR[A-Z_]*, N_("\([^"]*\)").*/\1/p' include/tapian/status.h \
    >"$errors"
awk -v list="$errors" 'BEGIN { while ((getline l < list) > 0) want["\"" l "\""] = 1 }
    /^msgid / { id = substr($0, 7); next }
    /^msgstr / && (id in want) { s = substr($0, 8); gsub(/^"|"$/, "", s);
                                 if (s != "") print s }' po/th.po >>"$errors"
echo "Not found" >>"$errors"
echo "ไม่พบ" >>"$errors"

# view | user | keys from the home screen (its menu keys: role_menu.c) |
# title on row 1
views='six_steps|bench_amnuay|d<Dump><Tab><Dump><Tab><Tab><Dump>|กระดานหกขั้นชุมชนเข้มแข็ง
dashboard|bench_admin|d<Dump><Tab><Dump><Tab><Dump><Tab><Dump><Tab><Dump>|แผงภาพรวมจังหวัด
fish_overview|bench_amnuay|c<Dump><PgDn><Dump>|ปลาตะเพียนรายตำบล
circle_run|bench_amnuay|1<Dump><Down><Enter><Dump>|ดำเนินวงเรียนรู้
self_assessment_table|bench_amnuay|e<Dump><Tab><Dump><Tab><Dump>|ตารางแห่งอิสรภาพ
search|bench_amnuay|/<U+0E01><U+0E2D><U+0E07><U+0E17><U+0E38><U+0E19><Dump>|ค้นหา
knowledge_asset|bench_admin|lknowledge_asset<Enter><Dump><PgDn><PgDn><Dump><End><Dump><PgUp><Dump><Home><Dump>/<U+0E01><U+0E25><U+0E38><U+0E48><U+0E21><Enter><Dump>n<Dump>N<Dump>|คลังความรู้'

rm -f "$out/failed"
printf '%-24s %-7s %9s %9s %6s  %s\n' view size "wall ms" "cpu ms" dumps check
for size in 80x24 120x40; do
    echo "$views" | while IFS='|' read -r name user keys title; do
        k="$out/$name-$size.keys"
        d="$out/$name-$size.txt"
        printf '%s' "$keys" >"$k"
        rm -f "$d"
        t0=$(date +%s%N)
        /usr/bin/time -f '%U %S' -o "$out/time" env TERM=xterm-256color \
            "$bin" --db "$db" --user "$user" --size "$size" --headless "$k" \
            --dump "$d" >"$out/$name-$size.log" 2>&1
        rc=$?
        t1=$(date +%s%N)
        cpu=$(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$out/time" 2>/dev/null)
        n=$(grep -c '^--- screen' "$d" 2>/dev/null || echo 0)
        check=ok
        if [ "$rc" -ne 0 ] || [ "$n" -eq 0 ]; then
            check="FAIL: exit $rc, $n dumps (see $out/$name-$size.log)"
        elif [ "$(grep -A1 '^--- screen' "$d" | grep -v '^--' | grep -vcF "$title")" -ne 0 ]; then
            check="FAIL: a dump without the title $title"
        elif grep -qFf "$errors" "$d"; then
            check="FAIL: an error message: $(grep -oFf "$errors" "$d" | head -n 1)"
        fi
        printf '%-24s %-7s %9d %9s %6s  %s\n' "$name" "$size" \
            $(((t1 - t0) / 1000000)) "${cpu:-?}" "$n" "$check"
        case $check in FAIL*) echo "$name $size" >>"$out/failed" ;; esac
    done
done
if [ -s "$out/failed" ]; then
    rm -f "$out/failed"
    exit 1
fi
exit 0
