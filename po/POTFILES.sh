#!/bin/sh
# Lists the files with translatable strings (for xgettext).
find src include -name '*.[ch]' | LC_ALL=C sort
