#!/bin/sh
# Runs the pty key scripts against tapian and its peers on this machine, in
# one go, and prints the figures side by side with their ratios.
#
#   sh bench/pty/compare.sh [DB]          (make bench-pty runs it)
#
# Peers: build/bench/bare_thai (start-up), dialog --form (typing Thai into a
# field), less (scrolling Thai lines). Every run's full report is kept in
# build/bench/pty/NAME.txt; the "R ..." lines there are what is summed here.
# Then the tapian scripts again with the output paced at 9600 bit/s, and
# (with CALLGRIND=1) instruction counts under valgrind.
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

# The titles tapian's knowledge-asset list shows, one a line, with the
# topic and origin labels, in its order (Thai collation is tapian's own, so
# less gets them in title order of the shell: the bytes per line are what
# matters, not the order).
sqlite3 "$DB" "SELECT title || '  ' || CASE topic WHEN 'finance' THEN 'การเงิน'
  WHEN 'natural_resources' THEN 'ทรัพยากรธรรมชาติ' WHEN 'environment'
  THEN 'สิ่งแวดล้อม' ELSE 'อื่น ๆ' END || '  ' || CASE origin WHEN 'book'
  THEN 'จากตำรา' ELSE 'จากประสบการณ์' END FROM knowledge_asset
  WHERE deleted_at IS NULL LIMIT 5000" > "$OUT/titles.txt"

run() { # NAME SCRIPT [ptyrec options] -- PROGRAM...
    name=$1 script=$2
    shift 2
    "$REC" -n "$name" -s "$script" "$@" > "$OUT/$name.txt"
    grep -v '^R ' "$OUT/$name.txt"
}

run bare-start   $S/bare_start.rec -- build/bench/bare_thai
run tapian-start $S/tapian_start.rec -- $TAPIAN
run dialog-type  $S/dialog_type.rec -- dialog --form Note 10 60 1 Title: 1 1 "" 1 8 48 200
run tapian-type  $S/tapian_type.rec -- $TAPIAN
run less-scroll  $S/less_scroll.rec -- less -S "$OUT/titles.txt"
run tapian-scroll $S/tapian_scroll.rec -- $TAPIAN

# field NAME SECTION COLUMN: a figure from a run's "R NAME sec ..." line
# (5 keys, 6 bytes, 7 lines, 8 median ms, 9 p95 ms, 10 span s).
field() { awk -v s="$2" -v c="$3" '$1 == "R" && $3 == "sec" && $4 == s { print $c }' "$OUT/$1.txt"; }
startup() { awk '$1 == "R" && $3 == "startup" { print $4 }' "$OUT/$1.txt"; }
rss() { awk '$1 == "R" && $3 == "rss" { print $4 }' "$OUT/$1.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

echo
echo "== tapian against its peers (same machine, same run)"
t=$(startup tapian-start) b=$(startup bare-start)
echo "first full screen ms:      tapian $t  bare ncurses $b  ratio $(ratio "$t" "$b")  (target <= 3)"
tb=$(per "$(field tapian-type type 6)" "$(field tapian-type type 5)")
db=$(per "$(field dialog-type type 6)" "$(field dialog-type type 5)")
echo "bytes per Thai keystroke:  tapian $tb  dialog $db  (target <= 8)"
tp=$(field tapian-type type 9) dp=$(field dialog-type type 9)
echo "keystroke-to-quiet p95 ms: tapian $tp  dialog $dp  ratio $(ratio "$tp" "$dp")  (target <= 2)"
for sec in scroll page; do
    tl=$(per "$(field tapian-scroll $sec 6)" "$(field tapian-scroll $sec 7)")
    ll=$(per "$(field less-scroll $sec 6)" "$(field less-scroll $sec 7)")
    echo "bytes per line ($sec):  tapian $tl  less $ll  ratio $(ratio "$tl" "$ll")  (target <= 1.1)"
    tp=$(field tapian-scroll $sec 9) lp=$(field less-scroll $sec 9)
    echo "  p95 ms ($sec):        tapian $tp  less $lp"
done
echo "peak RSS kB (VmHWM):       start $(rss tapian-start)  type $(rss tapian-type)  scroll $(rss tapian-scroll)  (target <= 8192); bare $(rss bare-start) dialog $(rss dialog-type) less $(rss less-scroll)"
echo "idle bytes in 5 s:         home $(field tapian-start idle 6)  note $(field tapian-type idle 6)  list $(field tapian-scroll idle 6)  (target 0)"

echo
echo "== tapian at 9600 bit/s (output paced; seconds from the first key to the last byte)"
run tapian-start-9600  $S/tapian_start.rec -b 9600 -- $TAPIAN
run tapian-type-9600   $S/tapian_type.rec -b 9600 -- $TAPIAN
run tapian-scroll-9600 $S/tapian_scroll.rec -b 9600 -- $TAPIAN
echo "start-up (first full screen): $(awk -v t="$(startup tapian-start-9600)" 'BEGIN { printf "%.2f", t / 1000 }') s"
echo "open a list (Enter on All lists): $(field tapian-scroll-9600 open 10) s"
echo "type a sentence (39 code points): $(field tapian-type-9600 type 10) s"
echo "save (F2): $(field tapian-type-9600 save 10) s"
echo "search (/ and 8 keys and Enter): $(field tapian-scroll-9600 search 10) s"
echo "100 lines down: $(field tapian-scroll-9600 scroll 10) s;  10 pages: $(field tapian-scroll-9600 page 10) s"

[ "${CALLGRIND:-0}" = 1 ] || exit 0
echo
echo "== instructions (valgrind --tool=callgrind, whole run; the difference"
echo "   from the same run without the measured keys, per key)"
ir() { awk '/^(summary|totals):/ { print $2; exit }' "$OUT/cg-$1.out"; }
for s in type-base type scroll-base scroll; do
    "$REC" -n "cg-$s" -q 1500 -s "$S/cg_$s.rec" -- valgrind --tool=callgrind \
        --callgrind-out-file="$OUT/cg-$s.out" $TAPIAN > "$OUT/cg-$s.txt"
    echo "cg $s: $(ir "$s") instructions"
done
echo "per Thai keystroke: $(awk -v a="$(ir type)" -v b="$(ir type-base)" 'BEGIN { printf "%.0f", (a - b) / 39 }')"
echo "per line scrolled (Down): $(awk -v a="$(ir scroll)" -v b="$(ir scroll-base)" 'BEGIN { printf "%.0f", (a - b) / 100 }')"
