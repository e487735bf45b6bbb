#!/bin/sh
# Every message in the source has a Thai translation, and none is fuzzy.
# Fragments po/th-*.po (a branch's new messages, merged into po/th.po when
# the branch is) count with the catalogue.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -o "$tmp/t.pot" $(sh po/POTFILES.sh)
msgcat --use-first -o "$tmp/all.po" po/th.po $(ls po/th-*.po 2>/dev/null)
msgmerge -q --no-fuzzy-matching -o "$tmp/th.po" "$tmp/all.po" "$tmp/t.pot"
stats=$(msgfmt --statistics -o /dev/null "$tmp/th.po" 2>&1)
echo "po: $stats"
case "$stats" in
    *untranslated*|*fuzzy*)
        echo "po: po/th.po lacks translations; run sh po/update.sh and translate:" >&2
        msgattrib --untranslated "$tmp/th.po" | grep '^msgid' >&2
        exit 1 ;;
esac
