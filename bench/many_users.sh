#!/bin/sh
# Many users on one server: PROCS copies of the real program, each a
# facilitator working headless from key scripts, edit the meetings of one
# database for SECONDS. Every other save goes to the worker's own meeting,
# the rest to one meeting they all share; each save types a number no other
# save uses into the meeting's reported headcount, through the list, the
# form and F2, as a person would.
#
# Each run of the program is one attempt; its last screen says what the
# user saw: "Saved", the side-by-side "Changed by someone else" (a
# conflict: the worker takes the saved version and closes the form), or a
# message that the database is busy or locked — which must never happen.
# Afterwards every save the program reported is checked against the
# database: its number is in the audit log, each meeting's version is one
# more than its saves (no save lost, none counted twice), and
# PRAGMA integrity_check says ok.
#
#   sh bench/many_users.sh [-p PROCS] [-s SECONDS] BINARY DIR
#
# make test runs it small (tests/e2e/t_many_users.sh); make bench at full
# size (20 × 60 s). Prints one line of figures; exits 1 when a check fails.
set -u
procs=20
seconds=60
while getopts p:s: o; do
    case $o in
    p) procs=$OPTARG ;;
    s) seconds=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: many_users.sh [-p PROCS] [-s SECONDS] BINARY DIR" >&2; exit 2; }
bin=$1
dir=$2
mkdir -p "$dir"
db="$dir/many.db"
rm -f "$db" "$db-wal" "$db-shm" "$dir"/w*.log "$dir"/w*.err "$dir"/w*.keys "$dir"/w*.out
rm -rf "$dir/bad"
printf '' > "$dir/empty.keys"
"$bin" --db "$db" --headless "$dir/empty.keys" || { echo "many_users: cannot create $db" >&2; exit 1; }

# The meetings: one shared, one per worker (titles found by the list's /).
site=$(sqlite3 "$db" "SELECT value FROM setting WHERE key = 'site_id'")
shared=5a5a5a5a-0000-4000-8000-00000000ff00
sql="INSERT INTO meeting (id, site_id, held_on, circle, title) VALUES
     ('$shared', '$site', '2006-01-01', 'amnuay', 'ประชุมร่วม-ทุกคน-')"
p=1
while [ "$p" -le "$procs" ]; do
    sql="$sql, (printf('5a5a5a5a-0000-4000-8000-%012d', $p), '$site',
                '2006-01-02', 'kit', printf('งานแยก-%02d-', $p))"
    p=$((p + 1))
done
sqlite3 -bail "$db" "$sql" || exit 1

# worker P: attempts until the deadline; one log line per attempt:
# "target number outcome"
worker() {
    p=$1
    login=admin
    [ $((p % 2)) -eq 1 ] && login=chinnawat
    own=$(printf '5a5a5a5a-0000-4000-8000-%012d' "$p")
    i=0
    end=$(( $(date +%s) + seconds ))
    while [ "$(date +%s)" -lt "$end" ]; do
        i=$((i + 1))
        n=$((p * 1000000 + i))
        if [ $((i % 2)) -eq 0 ]; then
            target=$own
            find=$(printf 'งานแยก-%02d-' "$p")
        else
            target=$shared
            find='ประชุมร่วม-ทุกคน-'
        fi
        keys="$dir/w$p.keys"
        # list, find, open, the tenth field after the date (reported
        # headcount), replace it, save; then t and Esc close the form when
        # it stopped at a conflict (on the list they do nothing harmful)
        printf 'lmeeting<Enter>/%s<Enter><Enter>' "$find" > "$keys"
        printf '<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>' >> "$keys"
        printf '<End><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>%s<F2><Dump>t<Esc><Esc>\n' "$n" >> "$keys"
        LANGUAGE=en "$bin" --db "$db" --user "$login" --headless "$keys" \
            --dump "$dir/w$p.out" 2>>"$dir/w$p.err"
        rc=$?
        last=$(sed -n '/^--- screen/h; /^--- screen/!H; ${x;p;}' "$dir/w$p.out")
        if [ "$rc" -ne 0 ]; then
            outcome=exit$rc
        elif printf '%s' "$last" | grep -qi "busy\|locked"; then
            outcome=locked
        elif printf '%s' "$last" | grep -q "Changed by someone else"; then
            outcome=conflict
        elif printf '%s' "$last" | grep -q "Saved"; then
            outcome=saved
        else
            outcome=unknown
        fi
        if [ "$outcome" != saved ] && [ "$outcome" != conflict ]; then
            mkdir -p "$dir/bad"
            cp "$dir/w$p.out" "$dir/bad/w$p-$i.out"
        fi
        echo "$target $n $outcome" >> "$dir/w$p.log"
    done
}

start=$(date +%s)
p=1
while [ "$p" -le "$procs" ]; do
    worker "$p" &
    p=$((p + 1))
done
wait
elapsed=$(( $(date +%s) - start ))

cat "$dir"/w*.log > "$dir/all.log"
attempts=$(wc -l < "$dir/all.log")
saved=$(grep -c " saved$" "$dir/all.log")
conflicts=$(grep -c " conflict$" "$dir/all.log")
failed=$((attempts - saved - conflicts))
waits=$(cat "$dir"/w*.err 2>/dev/null | sed -n 's/^tapian: busy-waits //p' |
        awk '{ s += $1 } END { print s + 0 }')

# Every reported save is in the audit log with its number...
{
    echo "CREATE TEMP TABLE said (target TEXT, n INTEGER);"
    echo "BEGIN;"
    grep " saved$" "$dir/all.log" | while read -r t n o; do
        echo "INSERT INTO said VALUES ('$t', $n);"
    done
    echo "COMMIT;"
    echo "SELECT count(*) FROM said s WHERE EXISTS (SELECT 1 FROM audit_log a
          WHERE a.row_id = s.target AND a.action = 'update'
          AND json_extract(a.new_json, '\$.reported_count') = s.n);"
    # ...and each meeting's version is one more than its saves.
    echo "SELECT count(*) FROM meeting m WHERE m.title LIKE 'งานแยก-%'
          OR m.title = 'ประชุมร่วม-ทุกคน-';"
    echo "SELECT count(*) FROM meeting m WHERE (m.title LIKE 'งานแยก-%'
          OR m.title = 'ประชุมร่วม-ทุกคน-')
          AND m.version = 1 + (SELECT count(*) FROM said s WHERE s.target = m.id);"
    echo "PRAGMA integrity_check;"
} > "$dir/check.sql"
set -- $(sqlite3 -batch -noheader "$db" < "$dir/check.sql")
found=${1:-0}
meetings=${2:-0}
exact=${3:-0}
integrity=${4:-failed}

echo "many users: $procs processes × ${seconds} s (${elapsed} s): $attempts saves attempted, $saved committed, $conflicts conflicts shown, $failed failed (busy/locked or other), $waits busy waits; committed saves found $found/$saved, meetings at the right version $exact/$meetings, integrity $integrity"
ok=1
[ "$failed" -eq 0 ] || { echo "many_users: $failed attempts failed; screens in $dir/bad" >&2; ok=0; }
[ "$found" -eq "$saved" ] || { echo "many_users: a reported save is missing" >&2; ok=0; }
[ "$exact" -eq "$meetings" ] || { echo "many_users: a meeting's version does not match its saves" >&2; ok=0; }
[ "$integrity" = ok ] || { echo "many_users: integrity_check: $integrity" >&2; ok=0; }
[ "$saved" -gt 0 ] || { echo "many_users: nothing was saved" >&2; ok=0; }
[ "$ok" -eq 1 ]
