# Many users on one server, scaled down (make bench runs 20 × 60 s): six
# copies of the real program save meetings of one file for a few seconds,
# their own and one they share. No "database is busy/locked" reaches a
# user, every save reported is in the file, conflicts are shown, and the
# file is sound (bench/many_users.sh does the checking).

test_many_users_one_file() {
    out=$(sh "$dir/../../bench/many_users.sh" -p 6 -s 4 "$E2E_BIN" "$E2E_TMP/many") ||
        { echo "$out" >&2; return 1; }
    echo "  $out"
}
