#!/bin/sh
# Makes sure the Debian packages named on the command line are installed.
# Missing ones are installed with apt-get (through sudo when not root); on a
# system without apt the missing ones are listed and the build stops.
set -u
missing=""
have_dpkg=0
command -v dpkg-query >/dev/null 2>&1 && have_dpkg=1

for p in "$@"; do
    if [ "$have_dpkg" -eq 1 ]; then
        st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
        case "$st" in *"ok installed"*) continue ;; esac
    fi
    missing="$missing $p"
done

[ -z "$missing" ] && exit 0

if [ "$have_dpkg" -eq 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "tapian: this system has no apt-get; please install the equivalents of:" >&2
    echo "  $missing" >&2
    echo "(a C11 compiler, pkg-config, ncursesw, sqlite3, libunistring, libthai," >&2
    echo " cmocka, tmux and gettext) and run make again." >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "tapian: missing packages:$missing" >&2
        echo "not root and no sudo: install them as root with apt-get install$missing" >&2
        exit 1
    fi
fi

echo "tapian: installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y -q --no-install-recommends $missing; then
    echo "tapian: first attempt failed; refreshing the package lists" >&2
    $SUDO apt-get update -q || { echo "tapian: apt-get update failed" >&2; exit 1; }
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -q --no-install-recommends $missing || {
        echo "tapian: could not install:$missing" >&2; exit 1; }
fi
