# SIGKILL at random points of an editing session (a power cut, an OOM kill),
# restarting each time. KILL_POINTS (default 100) sets how many.

# A random number of milliseconds below $1, from the kernel's generator.
rand_ms() { echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 )); }

now_ms() { date +%s%3N; }

# After each kill: the file is sound, every note whose "saved" message was
# on screen is there, and a draft typed at least IDLE (1 s) + slack before
# the kill came back whole; one typed later is either whole or absent.
test_kill_random_points() {
    points=${KILL_POINTS:-100}
    start_tapian "$DB" || return 1
    saved=0 drafts_checked=0 mid_save=0
    i=1
    while [ "$i" -le "$points" ]; do
        key n
        wait_for "หัวเรื่อง" || return 1
        title="kill$i"
        if [ $((i % 3)) -eq 0 ]; then
            # killed at a random point of a save: all of it or nothing
            typed=$(now_ms)
            type_text "$title"
            wait_for "$title" || return 1
            key F2
            sleep "0.$(printf %03d "$(rand_ms 300)")"
            mid_save=$((mid_save + 1))
        else
            if [ $((i % 3)) -eq 1 ]; then
                type_text "saved$i"
                wait_for "saved$i" || return 1
                key F2
                wait_for "บันทึกแล้ว" || return 1
                saved=$((saved + 1))
            fi
            type_text "$title"
            wait_for "$title" || return 1
            typed=$(now_ms)
            ms=$(rand_ms 1600)
            sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
        fi
        pid=$(tapian_pid "$DB")
        [ -n "$pid" ] || { echo "  no tapian at point $i" >&2; return 1; }
        kill -KILL "$pid"
        wait_for "EXIT=137" || return 1
        waited=$(( $(now_ms) - typed ))
        assert_eq "$(sql "$DB" "PRAGMA integrity_check")" "ok" || return 1
        n=$(sql "$DB" "SELECT count(*) FROM note WHERE title LIKE 'saved%'")
        assert_eq "$n" "$saved" || return 1
        draft=$(sql "$DB" "SELECT value FROM draft WHERE form='note' AND field='title'")
        if [ $((i % 3)) -eq 0 ]; then
            n=$(sql "$DB" "SELECT count(*) FROM note WHERE title='$title'")
            # saved, or not saved and then its text is still the draft or gone
            [ "$n" = 1 ] || [ "$n" = 0 ] || { echo "  note $title $n times" >&2; return 1; }
        elif [ "$waited" -ge 1250 ]; then
            assert_eq "$draft" "$title" || { echo "  point $i, ${waited} ms" >&2; return 1; }
            drafts_checked=$((drafts_checked + 1))
        else
            [ -z "$draft" ] || [ "$draft" = "$title" ] ||
                { echo "  point $i: draft '$draft'" >&2; return 1; }
        fi
        # the next round starts from an empty form
        sql "$DB" "DELETE FROM draft"
        # a killed program leaves the terminal raw: a line feed, not Enter
        type_text "stty sane; clear; exec_tapian"
        key C-j
        wait_for "ท่าไร่" || return 1
        i=$((i + 1))
    done
    echo "  $points kills: integrity ok each time; $saved saved notes all" \
         "there; $drafts_checked drafts typed >=1.25 s before the kill all" \
         "back; $mid_save kills during a save left all-or-nothing" >&2
}
