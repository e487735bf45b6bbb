#!/bin/sh
# Every message in the source has a Thai translation, and none is fuzzy.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -o "$tmp/t.pot" $(sh po/POTFILES.sh)
# A branch brings its new messages in a fragment po/th-NAME.po until they
# are merged into po/th.po; both count.
msgcat --use-first -o "$tmp/all.po" po/th.po $(ls po/th-*.po 2>/dev/null || true)
msgmerge -q --no-fuzzy-matching -o "$tmp/th.po" "$tmp/all.po" "$tmp/t.pot"
stats=$(msgfmt --statistics -o /dev/null "$tmp/th.po" 2>&1)
echo "po: $stats"
case "$stats" in
    *untranslated*|*fuzzy*)
        echo "po: po/th.po lacks translations; run sh po/update.sh and translate:" >&2
        msgattrib --untranslated "$tmp/th.po" | grep '^msgid' >&2
        exit 1 ;;
esac
