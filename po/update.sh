#!/bin/sh
# Extracts the messages into po/tapian.pot and merges them into each
# catalogue. Run from the top of the tree: sh po/update.sh
set -eu
xgettext --from-code=UTF-8 -k_ -kN_ --add-comments=TRANSLATORS: \
    --package-name=tapian --msgid-bugs-address= \
    -o po/tapian.pot $(sh po/POTFILES.sh)
for po in po/*.po; do
    msgmerge -q --update --backup=none --no-fuzzy-matching "$po" po/tapian.pot
done
