#!/bin/sh
# Every message in the source has a Thai translation, and none is fuzzy.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 -k_ -kN_ -o "$tmp/t.pot" $(sh po/POTFILES.sh)
# Fragments of branches not yet merged into th.po (po/th-NAME.po) count too.
cat_in=po/th.po
for f in po/th-*.po; do
    [ -f "$f" ] && cat_in="$cat_in $f"
done
# shellcheck disable=SC2086
msgcat --use-first -o "$tmp/all.po" $cat_in
msgmerge -q --no-fuzzy-matching -o "$tmp/th.po" "$tmp/all.po" "$tmp/t.pot"
stats=$(msgfmt --statistics -o /dev/null "$tmp/th.po" 2>&1)
echo "po: $stats"
case "$stats" in
    *untranslated*|*fuzzy*)
        echo "po: po/th.po lacks translations; run sh po/update.sh and translate:" >&2
        msgattrib --untranslated "$tmp/th.po" | grep '^msgid' >&2
        exit 1 ;;
esac
