#!/bin/sh
# Cross-builds tapian for a Raspberry Pi: sh src/build/cross.sh arm64|armhf
#
# Debian's cross compilers (gcc-aarch64-linux-gnu, gcc-arm-linux-gnueabihf)
# build against the target's own headers and libraries. The usual way is
# multiarch (dpkg --add-architecture, then libncurses-dev:arm64 ...), but it
# needs the host's packages at exactly the versions of the target's; where
# they differ (a mirror ahead of the installed system) apt refuses. So the
# target's -dev and library packages are downloaded with apt-get download
# and unpacked into build/sysroot-ARCH (nothing is installed), and the
# program is compiled and linked against that.
set -eu
arch=$1
case $arch in
arm64) triplet=aarch64-linux-gnu ;;
armhf) triplet=arm-linux-gnueabihf ;;
*) echo "cross.sh: arm64 or armhf" >&2; exit 2 ;;
esac
sh src/build/ensure-deps.sh gcc-$triplet dpkg-dev
dpkg --print-foreign-architectures | grep -qx "$arch" || {
    echo "cross.sh: needs dpkg --add-architecture $arch && apt-get update (as root)" >&2
    exit 1
}
root=build/sysroot-$arch
pkgs="libncurses-dev libncursesw6 libncurses6 libtinfo6 libsqlite3-dev libsqlite3-0
 libthai-dev libthai0 libdatrie-dev libdatrie1 libunistring-dev libunistring2
 libinih-dev libinih1 libinireader0 libcrypt-dev libcrypt1 libcsv-dev libcsv3"
if [ ! -f "$root/.done" ]; then
    mkdir -p "$root/debs"
    (cd "$root/debs" && for p in $pkgs; do apt-get download -q "$p:$arch"; done)
    for d in "$root"/debs/*.deb; do dpkg-deb -x "$d" "$root"; done
    touch "$root/.done"
fi
out=build/cross-$arch
lib=$root/usr/lib/$triplet
# Debian ships some libraries in /lib (ncurses, tinfo, crypt), the rest in
# /usr/lib; the links below name each where its package put it.
lib_of() {
    for d in "$root/lib/$triplet" "$lib"; do
        [ -e "$d/$1" ] && { echo "$d/$1"; return; }
    done
    echo "cross.sh: $1 is not in the $arch sysroot" >&2
    exit 1
}
cc=$triplet-gcc
flags="-std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wshadow -Wformat=2
 -Wstrict-prototypes -Wmissing-prototypes -Wcast-qual -Wwrite-strings -Wundef
 -O2 -Iinclude -Ibuild/gen -DTAPIAN_VERSION=\"cross\" -DTAPIAN_LOCALEDIR=\"/usr/share/locale\"
 -isystem $root/usr/include -isystem $root/usr/include/$triplet -D_XOPEN_SOURCE=600"
make --no-print-directory build/gen/embedded_sql.c build/gen/embedded_screens.c
mkdir -p "$out"
objs=""
for c in $(ls src/*/*.c | grep -v '^src/build/') build/gen/embedded_sql.c build/gen/embedded_screens.c; do
    o=$out/$(echo "$c" | tr / _ | sed 's/\.c$/.o/')
    # shellcheck disable=SC2086
    $cc $flags -c -o "$o" "$c"
    objs="$objs $o"
done
# The libraries by full path in the sysroot (their .so links are absolute
# and would point at the host); -rpath-link finds their own dependencies.
# shellcheck disable=SC2086
libs=""
for so in libncursesw.so.6 libtinfo.so.6 libsqlite3.so.0 libthai.so.0 \
          libunistring.so.2 libinih.so.1 libcrypt.so.1 libcsv.so.3; do
    libs="$libs $(lib_of $so)"
done
$cc -o "$out/tapian" $objs -L"$lib" -Wl,-rpath-link,"$lib" \
    -Wl,-rpath-link,"$root/lib/$triplet" $libs
file "$out/tapian"
