#!/bin/sh
# Runs the pty key scripts against tapian and its peers on this machine, in
# one go, and prints the figures side by side with their ratios and whether
# each target is met.
#
#   sh bench/pty/compare.sh [DB]          (make bench-pty runs it)
#   CALLGRIND=1 sh bench/pty/compare.sh   also instruction counts (valgrind)
#
# Peers: build/bench/bare_thai (start-up), dialog --form (typing Thai into a
# field), less (scrolling the same Thai lines as tapian's list). Every run's
# full report is kept in build/bench/pty/NAME.txt; the "R ..." lines there
# are what is summed here. Then the tapian scripts again with the output
# paced at 9600 bit/s.
#
# The database is prepared so that every run starts alike: a user `admin`
# (an administrator without a PIN, so the note can be saved), no drafts
# left by an earlier run, and today's daily backup already made (the runs
# measure an ordinary start; the first start of a day is measured once on
# its own, with the backups set aside).
set -eu
DB=${1:-build/bench/province.db}
OUT=build/bench/pty
REC=build/bench/ptyrec
S=bench/pty
mkdir -p "$OUT"
# Every program gets the same UTF-8 locale (dialog and less need one for
# Thai; tapian falls back to C.UTF-8 by itself).
export LANG=C.UTF-8 LC_ALL=C.UTF-8
TAPIAN="./tapian --db $DB --user admin"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load average before: $(load)"

sqlite3 "$DB" "INSERT INTO app_user (site_id, login, is_admin)
  SELECT id, 'admin', 1 FROM site WHERE NOT EXISTS
  (SELECT 1 FROM app_user WHERE login = 'admin') ORDER BY id LIMIT 1;
  DELETE FROM draft;"
# Today's backup: a headless run whose idle turns copy the file (20 ms a
# turn); it stops as soon as the copy is in place or none is due.
printf '<Tick>%.0s' $(seq 20000) > "$OUT/ticks.keys"
./tapian --db "$DB" --user admin --headless "$OUT/ticks.keys" --dump /dev/null

# The lines of tapian's knowledge-asset list, in its order (the stored Thai
# sort key), with the topic and origin labels: less scrolls the same text.
sqlite3 "$DB" "SELECT title || '  ' || CASE topic WHEN 'finance' THEN 'การเงิน'
  WHEN 'natural_resources' THEN 'ทรัพยากรธรรมชาติ' WHEN 'environment'
  THEN 'สิ่งแวดล้อม' ELSE 'อื่น ๆ' END || '  ' || CASE origin WHEN 'book'
  THEN 'จากตำรา' ELSE 'จากประสบการณ์' END FROM knowledge_asset
  WHERE deleted_at IS NULL ORDER BY title_sortkey, id LIMIT 5000" > "$OUT/titles.txt"

run() { # NAME SCRIPT [ptyrec options] -- PROGRAM...
    name=$1 script=$2
    shift 2
    "$REC" -n "$name" -s "$script" "$@" > "$OUT/$name.txt"
    grep -v '^R ' "$OUT/$name.txt"
}

# The province's titles come from a few seed texts, so neighbouring rows in
# title order are often the same title, and ncurses' scroll detection (a
# hash per line) cannot tell which identical line moved. Scrolling is also
# measured on a small file of 600 distinct titles (the pilot data and
# generated assets), against less on the same lines.
DIST=$OUT/distinct.db
if [ ! -f "$DIST" ]; then
    printf '' > "$OUT/empty.keys"
    ./tapian --db "$DIST" --headless "$OUT/empty.keys"
    sqlite3 "$DIST" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
      FROM n WHERE i < 600) INSERT INTO knowledge_asset (site_id, title, story,
      topic, origin) SELECT (SELECT id FROM site LIMIT 1), 'เรื่องที่ ' || i ||
      ' การออมทรัพย์ของกลุ่มสัจจะบ้านท่าไร่ ' || (i * 7919 % 1000), 'เรื่องเล่า',
      CASE i % 3 WHEN 0 THEN 'finance' WHEN 1 THEN 'environment' ELSE 'other' END,
      CASE i % 2 WHEN 0 THEN 'book' ELSE 'experience' END FROM n"
    # opening fills the sort keys of the rows the shell wrote
    ./tapian --db "$DIST" --user admin --headless "$OUT/empty.keys"
fi
sqlite3 "$DIST" "SELECT title || '  ' || CASE topic WHEN 'finance' THEN 'การเงิน'
  WHEN 'environment' THEN 'สิ่งแวดล้อม' ELSE 'อื่น ๆ' END || '  ' || CASE origin
  WHEN 'book' THEN 'จากตำรา' ELSE 'จากประสบการณ์' END FROM knowledge_asset
  WHERE deleted_at IS NULL ORDER BY title_sortkey, id" > "$OUT/distinct.txt"

run bare-start   $S/bare_start.rec -- build/bench/bare_thai
run tapian-start $S/tapian_start.rec -- $TAPIAN
run dialog-type  $S/dialog_type.rec -- dialog --form Note 10 60 1 Title: 1 1 "" 1 8 48 200
run tapian-type  $S/tapian_type.rec -- $TAPIAN
run less-scroll  $S/less_scroll.rec -- less -S "$OUT/titles.txt"
run tapian-scroll $S/tapian_scroll.rec -- $TAPIAN
run tapian-scroll-slow $S/tapian_scroll.rec -- $TAPIAN --slow-link
run less-distinct $S/distinct_less.rec -- less -S "$OUT/distinct.txt"
run tapian-distinct $S/distinct_tapian.rec -- ./tapian --db "$DIST" --user admin
run tapian-distinct-slow $S/distinct_tapian.rec -- ./tapian --db "$DIST" --user admin --slow-link
# The first start of a day: no backup yet, so it begins on the first idle
# second (in slices) and is given up when the script quits.
mv "$(dirname "$DB")/backups" "$(dirname "$DB")/backups.bench"
run tapian-start-day $S/tapian_start.rec -- $TAPIAN
rm -rf "$(dirname "$DB")/backups"
mv "$(dirname "$DB")/backups.bench" "$(dirname "$DB")/backups"

# field NAME SECTION COLUMN: a figure from a run's "R NAME sec ..." line
# (5 keys, 6 bytes, 7 lines, 8 median ms, 9 p95 ms, 10 span s).
field() { awk -v s="$2" -v c="$3" '$1 == "R" && $3 == "sec" && $4 == s { print $c }' "$OUT/$1.txt"; }
startup() { awk '$1 == "R" && $3 == "startup" { print $4 }' "$OUT/$1.txt"; }
rss() { awk '$1 == "R" && $3 == "rss" { print $4 }' "$OUT/$1.txt"; }
cpu() { awk '$1 == "R" && $3 == "cpu" { print $4 }' "$OUT/$1.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# verdict VALUE LIMIT: MET when VALUE <= LIMIT
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "-" && a + 0 <= b + 0) ? "MET" : "GAP" }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b) ? a : b }'; }

echo
echo "== tapian against its peers (same machine, same run; load average now $(load))"
t=$(startup tapian-start) b=$(startup bare-start) r=$(ratio "$t" "$b")
echo "first full screen ms:      tapian $t  bare ncurses $b  ratio $r  (target <= 3: $(verdict "$r" 3))"
echo "  first start of the day:  tapian $(startup tapian-start-day) ms (the backup waits for the first idle second)"
echo "  CPU of a start and quit: tapian $(cpu tapian-start) ms  bare $(cpu bare-start) ms (tapian's includes 5 s idle)"
tb=$(per "$(field tapian-type type 6)" "$(field tapian-type type 5)")
db=$(per "$(field dialog-type type 6)" "$(field dialog-type type 5)")
echo "bytes per Thai keystroke:  tapian $tb  dialog $db  (target <= 8: $(verdict "$tb" 8))"
tp=$(field tapian-type type 9) dp=$(field dialog-type type 9) r=$(ratio "$tp" "$dp")
echo "keystroke-to-quiet p95 ms: tapian $tp  dialog $dp  ratio $r  (target <= 2: $(verdict "$r" 2))"
echo "note saved (F2):           $(sqlite3 "$DB" "SELECT count(*) FROM note WHERE title = 'ชุมชนเข้มแข็งเริ่มจากการเรียนรู้ร่วมกัน'") notes with the typed title in the file"
for sec in scroll page; do
    ll=$(per "$(field less-scroll $sec 6)" "$(field less-scroll $sec 7)")
    for run in tapian-scroll tapian-scroll-slow; do
        tl=$(per "$(field $run $sec 6)" "$(field $run $sec 7)") r=$(ratio "$tl" "$ll")
        echo "bytes per line ($sec, $run):  $tl  less $ll  ratio $r  (target <= 1.1: $(verdict "$r" 1.1))"
    done
    echo "  p95 ms ($sec):  tapian $(field tapian-scroll $sec 9)  --slow-link $(field tapian-scroll-slow $sec 9)  less $(field less-scroll $sec 9)"
done
ll=$(per "$(field less-distinct scroll 6)" "$(field less-distinct scroll 7)")
for run in tapian-distinct tapian-distinct-slow; do
    tl=$(per "$(field $run scroll 6)" "$(field $run scroll 7)") r=$(ratio "$tl" "$ll")
    echo "bytes per line (scroll, 600 distinct rows, $run):  $tl  less $ll  ratio $r  (target <= 1.1: $(verdict "$r" 1.1))"
done
peak=0
for run in tapian-start tapian-type tapian-scroll tapian-scroll-slow tapian-start-day; do
    peak=$(max "$peak" "$(rss $run)")
done
echo "peak RSS kB (VmHWM):       start $(rss tapian-start)  first of the day $(rss tapian-start-day)  type $(rss tapian-type)  scroll $(rss tapian-scroll)  (target <= 8192: $(verdict "$peak" 8192)); bare $(rss bare-start) dialog $(rss dialog-type) less $(rss less-scroll)"
idle=$(( $(field tapian-start idle 6) + $(field tapian-type idle 6) + $(field tapian-scroll idle 6) + $(field tapian-start-day idle 6) ))
echo "idle bytes in 5 s:         home $(field tapian-start idle 6)  home while backing up $(field tapian-start-day idle 6)  note $(field tapian-type idle 6)  list $(field tapian-scroll idle 6)  (target 0: $(verdict "$idle" 0))"

echo
echo "== tapian at 9600 bit/s (output paced; seconds from the first key to the last byte; load average $(load))"
sqlite3 "$DB" "DELETE FROM draft"
run tapian-start-9600  $S/tapian_start.rec -b 9600 -- $TAPIAN
run tapian-type-9600   $S/tapian_type.rec -b 9600 -- $TAPIAN
run tapian-scroll-9600 $S/tapian_scroll.rec -b 9600 -- $TAPIAN
echo "start-up (first full screen): $(awk -v t="$(startup tapian-start-9600)" 'BEGIN { printf "%.2f", t / 1000 }') s"
echo "open a list (Enter on All lists): $(field tapian-scroll-9600 open 10) s"
echo "type a sentence (39 code points): $(field tapian-type-9600 type 10) s ($(field tapian-type-9600 type 6) bytes = $(awk -v b="$(field tapian-type-9600 type 6)" 'BEGIN { printf "%.2f", b / 960 }') s on the wire)"
echo "save (F2): $(field tapian-type-9600 save 10) s"
echo "search (/ and 8 keys and Enter): $(field tapian-scroll-9600 search 10) s"
echo "100 lines down: $(field tapian-scroll-9600 scroll 10) s;  10 pages: $(field tapian-scroll-9600 page 10) s"

[ "${CALLGRIND:-0}" = 1 ] || exit 0
echo
echo "== instructions (valgrind --tool=callgrind, whole run; the difference"
echo "   from the same run without the measured keys, per key)"
ir() { awk '/^(summary|totals):/ { print $2; exit }' "$OUT/cg-$1.out"; }
sqlite3 "$DB" "DELETE FROM draft"
for s in type-base type scroll-base scroll; do
    "$REC" -n "cg-$s" -q 1500 -s "$S/cg_$s.rec" -- valgrind --tool=callgrind \
        --callgrind-out-file="$OUT/cg-$s.out" $TAPIAN > "$OUT/cg-$s.txt"
    echo "cg $s: $(ir "$s") instructions"
done
echo "per Thai keystroke: $(awk -v a="$(ir type)" -v b="$(ir type-base)" 'BEGIN { printf "%.0f", (a - b) / 39 }')"
echo "per line scrolled (Down): $(awk -v a="$(ir scroll)" -v b="$(ir scroll-base)" 'BEGIN { printf "%.0f", (a - b) / 100 }')"
