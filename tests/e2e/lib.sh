# Helpers for end-to-end tests of the real binary inside tmux at 80x24.
# Waiting is done by polling the screen for an expected text with a deadline,
# never by fixed sleeps.

E2E_SOCKET="tapian-e2e-$$"

tmx() { tmux -L "$E2E_SOCKET" -f /dev/null "$@"; }

# start_tapian DB [ARGS...]: a shell in a new 80x24 session runs tapian, so
# that the terminal state after tapian exits can be inspected.
start_tapian() {
    db=$1
    shift
    tmx kill-server 2>/dev/null || true
    tmx new-session -d -s t -x 80 -y 24 "sh"
    tmx set-option -t t: status off >/dev/null
    tmx set-option -t t: remain-on-exit on >/dev/null 2>&1
    tmx send-keys -t t: "export TERM=tmux-256color LANG=C.UTF-8 ASAN_OPTIONS='$ASAN_OPTIONS'; clear; echo \$\$ > $E2E_TMP/shell.pid; exec_tapian() { '$E2E_BIN' --db '$db' --user ทดสอบ $* ; echo \"EXIT=\$?\"; }; exec_tapian" Enter
    wait_for "ทดสอบ" || return 1
}

screen() { tmx capture-pane -p -t t:; }

# wait_for TEXT [SECONDS]: until TEXT is on screen.
wait_for() {
    deadline=$(( $(date +%s) + ${2:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        if screen | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
    done
    echo "  timed out waiting for: $1" >&2
    echo "  screen was:" >&2
    screen | sed 's/^/  | /' >&2
    return 1
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on screen.
wait_gone() {
    deadline=$(( $(date +%s) + ${2:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        if ! screen | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
    done
    echo "  timed out waiting for this to go: $1" >&2
    return 1
}

type_text() { tmx send-keys -t t: -l -- "$1"; }
key() { tmx send-keys -t t: "$@"; }

tapian_pid() { pgrep -f -n -- "--db $1" ; }

sql() { sqlite3 -batch -noheader "$1" "$2"; }

assert_eq() {
    if [ "$1" != "$2" ]; then
        echo "  expected: $2" >&2
        echo "  got:      $1" >&2
        return 1
    fi
}

stop_tmux() { tmx kill-server 2>/dev/null; }

# start_as DB LOGIN [ARGS...]: like start_tapian, logged in as LOGIN, in
# tmux session NAME ($SESSION, default t).
start_as() {
    db=$1
    login=$2
    shift 2
    s=${SESSION:-t}
    if [ "$s" = t ]; then tmx kill-server 2>/dev/null || true; fi
    tmx new-session -d -s "$s" -x 80 -y 24 "sh"
    tmx set-option -t "$s:" status off >/dev/null
    tmx send-keys -t "$s:" "export TERM=tmux-256color LANG=C.UTF-8 ASAN_OPTIONS='$ASAN_OPTIONS'; clear; exec_tapian() { '$E2E_BIN' --db '$db' --user $login $* ; echo \"EXIT=\$?\"; }; exec_tapian" Enter
    SESSION=$s wait_for_in "$s" "ผู้ใช้: $login" || return 1
}

screen_of() { tmx capture-pane -p -t "$1:"; }

# wait_for_in SESSION TEXT [SECONDS]
wait_for_in() {
    deadline=$(( $(date +%s) + ${3:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        if screen_of "$1" | grep -qF -- "$2"; then
            return 0
        fi
        sleep 0.1
    done
    echo "  timed out waiting in $1 for: $2" >&2
    screen_of "$1" | sed 's/^/  | /' >&2
    return 1
}

# wait_sql DB QUERY WANT [SECONDS]: until the query gives WANT.
wait_sql() {
    deadline=$(( $(date +%s) + ${4:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        if [ "$(sql "$1" "$2" 2>/dev/null)" = "$3" ]; then
            return 0
        fi
        sleep 0.1
    done
    echo "  timed out waiting for $2 = $3 (got $(sql "$1" "$2" 2>&1))" >&2
    return 1
}

# open_list NAME: from the home screen, the list of screen NAME.
open_list() {
    key l
    wait_for "ค้นหา:" || return 1
    type_text "$1"
    key Enter
    wait_for "/ ค้นหา" || return 1
}

# wait_file GLOB [SECONDS]: until a file matches GLOB (or a path exists;
# exports and backups are renamed into place when complete).
wait_file() {
    deadline=$(( $(date +%s) + ${2:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        for f in $1; do
            [ -e "$f" ] && return 0
        done
        sleep 0.05
    done
    echo "  timed out waiting for a file $1" >&2
    ls -l "$(dirname "$1")" >&2 2>/dev/null
    return 1
}
