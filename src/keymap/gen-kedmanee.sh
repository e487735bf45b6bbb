#!/bin/sh
# Generates kedmanee_table.c, tapian's built-in Thai keyboard, from Debian's
# xkb data. Run it by hand when the layout data changes (the build does not
# run it, so building needs no xkb data); commit the output.
#
# Usage (from anywhere, POSIX sh + awk only):
#   sh src/keymap/gen-kedmanee.sh [SYMBOLS [OUTPUT]]
#     SYMBOLS  xkb symbols file (default /usr/share/X11/xkb/symbols/th);
#              section xkb_symbols "basic" is Kedmanee, TIS 820-2531
#     OUTPUT   file to write (default kedmanee_table.c beside this script);
#              "-" writes to standard output
#
# If /usr/include/X11/keysymdef.h exists (Debian x11proto-dev) the built-in
# Thai keysym list below is checked against it; it is not needed otherwise.
set -eu

here=$(dirname "$0")
symbols=${1:-/usr/share/X11/xkb/symbols/th}
output=${2:-$here/kedmanee_table.c}
keysymdef=${KEYSYMDEF:-/usr/include/X11/keysymdef.h}

[ -r "$symbols" ] || { echo "gen-kedmanee: cannot read $symbols" >&2; exit 1; }
[ -r "$keysymdef" ] || keysymdef=/dev/null

# Byte-for-byte output whatever the caller's locale.
LC_ALL=C
export LC_ALL

generate() {
# part=us (stdin): the US layout, key -> unshifted and shifted character;
# part=ks: keysymdef.h or /dev/null; part=xkb: the xkb symbols file.
awk '
function hex(s,    i, v, d) {
    s = tolower(s); sub(/^0x/, "", s); v = 0
    for (i = 1; i <= length(s); i++) {
        d = index("0123456789abcdef", substr(s, i, 1))
        if (d == 0) return -1
        v = v * 16 + d - 1
    }
    return v
}
function die(msg) { print "gen-kedmanee: " msg > "/dev/stderr"; failed = 1; exit 1 }
# Keysym name -> Unicode code point, or -1.
function resolve(name,    v) {
    if (name in thai) return thai[name]
    if (name in ascii) return ascii[name]
    if (length(name) == 1 && (name in ord)) return ord[name]
    if (name ~ /^U[0-9A-Fa-f]+$/) return hex(substr(name, 2))
    if (name ~ /^0x0*100[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]$/) {
        v = hex(name); return v - 16777216   # 0x1000000 + code point
    }
    if (name ~ /^0x[0-9A-Fa-f]+$/ && hex(name) >= 32 && hex(name) < 256)
        return hex(name)                       # Latin-1 keysyms
    return -1
}
BEGIN {
    for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i
    # Thai keysyms in keysym order from 0x0da1; "-" marks keysyms with no
    # Unicode character. Thai keysym k is U+0E00 + (k - 0x0da0).
    n = split("kokai khokhai khokhuat khokhwai khokhon khorakhang ngongu " \
        "chochan choching chochang soso chochoe yoying dochada topatak " \
        "thothan thonangmontho thophuthao nonen dodek totao thothung " \
        "thothahan thothong nonu bobaimai popla phophung fofa phophan fofan " \
        "phosamphao moma yoyak rorua ru loling lu wowaen sosala sorusi sosua " \
        "hohip lochula oang honokhuk paiyannoi saraa maihanakat saraaa " \
        "saraam sarai saraii saraue sarauee sarau sarauu phinthu - - - - " \
        "baht sarae saraae sarao saraaimaimuan saraaimaimalai lakkhangyao " \
        "maiyamok maitaikhu maiek maitho maitri maichattawa thanthakhat " \
        "nikhahit - - leksun leknung leksong leksam leksi lekha lekhok " \
        "lekchet lekpaet lekkao", t, " ")
    for (i = 1; i <= n; i++)
        if (t[i] != "-") {
            thai["Thai_" t[i]] = 3584 + i        # 0x0E00 + i
            thaisym["Thai_" t[i]] = 3488 + i     # 0x0da0 + i
        }
    # ASCII keysym names that are not the character itself.
    split("space exclam quotedbl numbersign dollar percent ampersand " \
        "apostrophe parenleft parenright asterisk plus comma minus period " \
        "slash", a, " ")
    for (i = 1; i <= 16; i++) ascii[a[i]] = 31 + i
    split("colon semicolon less equal greater question at", a, " ")
    for (i = 1; i <= 7; i++) ascii[a[i]] = 57 + i
    split("bracketleft backslash bracketright asciicircum underscore grave", a, " ")
    for (i = 1; i <= 6; i++) ascii[a[i]] = 90 + i
    split("braceleft bar braceright asciitilde", a, " ")
    for (i = 1; i <= 4; i++) ascii[a[i]] = 122 + i
}
part == "us" && NF == 3 { lower[$1] = ord[$2]; upper[$1] = ord[$3]; nkeys++; next }
part == "ks" && $1 == "#define" && $2 ~ /^XK_Thai_/ {
    name = substr($2, 4)
    if ((name in thaisym) && hex($3) != thaisym[name])
        die("keysym list disagrees with keysymdef.h on " name)
    if (!(name in thaisym) && $0 ~ /U\+0E/)
        die("keysym list lacks " name)
    next
}
part == "xkb" && /^[ \t]*xkb_symbols[ \t]+"basic"/ { insec = 1; next }
part == "xkb" && insec && /^[ \t]*};/ { insec = 0; next }
part == "xkb" && insec && /^[ \t]*key[ \t]*</ {
    key = $0; sub(/^[^<]*</, "", key); sub(/>.*/, "", key)
    syms = $0; sub(/^[^[]*\[/, "", syms); sub(/\].*/, "", syms)
    gsub(/[ \t]/, "", syms)
    if (split(syms, s, ",") < 2) die("key " key " has fewer than two levels")
    if (!(key in lower)) die("key " key " is not on the US layout table")
    for (lv = 1; lv <= 2; lv++) {
        cp = resolve(s[lv])
        if (cp < 0) die("unknown keysym " s[lv] " on " key)
        c = lv == 1 ? lower[key] : upper[key]
        if (c in val) die("two keys type US character " c)
        val[c] = cp; sym[c] = s[lv]; keyof[c] = key; lev[c] = lv
    }
    seen++
}
END {
    if (failed) exit 1
    if (seen != nkeys) die("section basic has " seen " keys, expected " nkeys)
    print "/* Generated by src/keymap/gen-kedmanee.sh from Debian xkb-data"
    print " * symbols/th, section \"basic\" (Kedmanee, TIS 820-2531). Do not edit:"
    print " * run the script again. Indexed by the ASCII character the same key"
    print " * types on a US layout; 0 where that key has no character. */"
    print "#include \"kedmanee_table.h\""
    print ""
    print "const uint32_t kedmanee_table[KEDMANEE_LAST - KEDMANEE_FIRST + 1] = {"
    for (c = 32; c < 127; c++) {
        if (c in val)
            printf "    0x%04X, /* %-12s %s level %d: %s */\n", val[c], \
                sprintf("0x%02X %s", c, c == 92 ? "bksl" : sprintf("%c", c)), \
                keyof[c], lev[c], sym[c]
        else
            printf "    0,      /* 0x%02X */\n", c
    }
    print "};"
}
' part=us - part=ks "$keysymdef" part=xkb "$symbols" <<'US'
TLDE ` ~
AE01 1 !
AE02 2 @
AE03 3 #
AE04 4 $
AE05 5 %
AE06 6 ^
AE07 7 &
AE08 8 *
AE09 9 (
AE10 0 )
AE11 - _
AE12 = +
AD01 q Q
AD02 w W
AD03 e E
AD04 r R
AD05 t T
AD06 y Y
AD07 u U
AD08 i I
AD09 o O
AD10 p P
AD11 [ {
AD12 ] }
AC01 a A
AC02 s S
AC03 d D
AC04 f F
AC05 g G
AC06 h H
AC07 j J
AC08 k K
AC09 l L
AC10 ; :
AC11 ' "
AB01 z Z
AB02 x X
AB03 c C
AB04 v V
AB05 b B
AB06 n N
AB07 m M
AB08 , <
AB09 . >
AB10 / ?
BKSL \ |
US
}

if [ "$output" = - ]; then
    generate
else
    tmp=$output.tmp.$$
    trap 'rm -f "$tmp"' EXIT
    generate > "$tmp"
    mv "$tmp" "$output"
fi
