#!/bin/sh
# Every message in the source has a Thai translation, and none is fuzzy.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -o "$tmp/t.pot" $(sh po/POTFILES.sh)
# po/th-*.po: Thai messages of work not yet merged into th.po count too.
cp po/th.po "$tmp/all.po"
for f in po/th-*.po; do
    [ -f "$f" ] || continue
    msgcat --use-first -o "$tmp/all.po" "$tmp/all.po" "$f"
done
msgmerge -q --no-fuzzy-matching -o "$tmp/th.po" "$tmp/all.po" "$tmp/t.pot"
stats=$(msgfmt --statistics -o /dev/null "$tmp/th.po" 2>&1)
echo "po: $stats"
case "$stats" in
    *untranslated*|*fuzzy*)
        echo "po: po/th.po lacks translations; run sh po/update.sh and translate:" >&2
        msgattrib --untranslated "$tmp/th.po" | grep '^msgid' >&2
        exit 1 ;;
esac
