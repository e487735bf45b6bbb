#!/bin/sh
# End-to-end tests: the real binary in tmux. Each tests/e2e/t_*.sh defines
# functions named test_*; each runs on a fresh copy of the pilot database.
set -u
E2E_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$(dirname "$0")" && pwd)
E2E_TMP=$(mktemp -d)
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$E2E_TMP/asan"
. "$dir/lib.sh"
trap 'stop_tmux; rm -rf "$E2E_TMP"' EXIT INT TERM

if ! command -v tmux >/dev/null; then
    echo "e2e: tmux is missing (make test installs it)" >&2
    exit 1
fi

printf '' > "$E2E_TMP/empty.keys"
"$E2E_BIN" --db "$E2E_TMP/template.db" --headless "$E2E_TMP/empty.keys" ||
    { echo "e2e: cannot create the template database" >&2; exit 1; }
# start_tapian's --user ทดสอบ: an admin without a PIN, straight to the home.
sqlite3 -bail "$E2E_TMP/template.db" "INSERT INTO app_user (site_id, login, is_admin)
    SELECT id, 'ทดสอบ', 1 FROM site ORDER BY id LIMIT 1" || exit 1

pass=0
fail=0
for f in "$dir"/${E2E_ONLY:-t_*}.sh; do
    . "$f"
done
for t in $(grep -ho "^test_[a-z0-9_]*" "$dir"/${E2E_ONLY:-t_*}.sh); do
    DB="$E2E_TMP/$t.db"
    cp "$E2E_TMP/template.db" "$DB"
    ( set -e; "$t" )
    rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "ok   $t"
        pass=$((pass + 1))
    else
        echo "FAIL $t"
        fail=$((fail + 1))
    fi
    stop_tmux
done
if ls "$E2E_TMP"/asan* >/dev/null 2>&1; then
    echo "FAIL: sanitizer reports:"
    cat "$E2E_TMP"/asan*
    fail=$((fail + 1))
fi
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
