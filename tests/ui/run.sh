#!/bin/sh
# Headless screen-dump tests: each tests/ui/NAME.keys is played into the
# program and the screens it dumps are compared cell by cell (each row's
# cells with their marks) with tests/ui/NAME.golden.
#   UPDATE=1 sh tests/ui/run.sh ./tapian-asan   rewrites the golden files.
# A script's first lines may say "# size: 60x20", "# term: vt100",
# "# env: NO_COLOR=1" or "# args: --mono"; "# user: LOGIN" replaces the
# default --user ทดสอบ ("# user: -" gives none, as when started without it);
# each "# sql: STATEMENT" line is run on the test's copy of the database
# before the program starts.
set -u
bin=${1:?usage: run.sh BINARY}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$tmp/asan"

# One database with the pilot's records, copied for every test.
template="$tmp/template.db"
printf '' > "$tmp/empty.keys"
if ! "$bin" --db "$template" --headless "$tmp/empty.keys" >"$tmp/init.log" 2>&1; then
    echo "ui: cannot create the template database:" >&2
    cat "$tmp/init.log" >&2
    exit 1
fi
# The default --user ทดสอบ is a user of its own (an admin without a PIN), so
# that the scripts start at the home screen.
sqlite3 -bail "$template" "INSERT INTO app_user (site_id, login, is_admin)
    SELECT id, 'ทดสอบ', 1 FROM site ORDER BY id LIMIT 1" || exit 1

pass=0
fail=0
for keys in "$dir"/*.keys; do
    name=$(basename "$keys" .keys)
    size=$(sed -n 's/^# size: *//p' "$keys" | head -n 1)
    term=$(sed -n 's/^# term: *//p' "$keys" | head -n 1)
    envs=$(sed -n 's/^# env: *//p' "$keys" | head -n 1)
    args=$(sed -n 's/^# args: *//p' "$keys" | head -n 1)
    user=$(sed -n 's/^# user: *//p' "$keys" | head -n 1)
    mkdir -p "$tmp/$name"
    cp "$template" "$tmp/$name/tapian.db"
    if grep -q '^# sql: ' "$keys" &&
        ! sed -n 's/^# sql: *//p' "$keys" |
            sqlite3 -bail "$tmp/$name/tapian.db" >"$tmp/$name/sql.log" 2>&1; then
        echo "FAIL $name: its # sql: lines failed:"
        cat "$tmp/$name/sql.log"
        fail=$((fail + 1))
        continue
    fi
    set -- --user "${user:-ทดสอบ}"
    [ "$user" = - ] && set --
    # shellcheck disable=SC2086
    env TERM="${term:-xterm-256color}" $envs "$bin" --db "$tmp/$name/tapian.db" \
        "$@" --size "${size:-80x24}" $args \
        --headless "$keys" --dump "$tmp/$name/out" >"$tmp/$name/log" 2>&1
    rc=$?
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$tmp/$name/out" "$dir/$name.golden"
        echo "updated $name.golden"
        continue
    fi
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $name: exit status $rc"
        cat "$tmp/$name/log"
        fail=$((fail + 1))
    elif ! cmp -s "$dir/$name.golden" "$tmp/$name/out"; then
        echo "FAIL $name: screen differs from $name.golden"
        diff -u "$dir/$name.golden" "$tmp/$name/out" | head -n 60
        fail=$((fail + 1))
    else
        echo "ok   $name"
        pass=$((pass + 1))
    fi
done
if ls "$tmp"/asan* >/dev/null 2>&1; then
    echo "FAIL: sanitizer reports:"
    cat "$tmp"/asan*
    fail=$((fail + 1))
fi
echo "ui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
