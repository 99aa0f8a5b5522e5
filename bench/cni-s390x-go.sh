#!/bin/sh
# An s390x Go toolchain for bench/cni.ts part 1 (the emulated way): Debian's golang-1.19-go:s390x and
# golang-1.19-src unpacked (not installed) under $ROOT. Idempotent; run as root; uses only Debian apt.
set -eu
ROOT="${BENCH_S390X_GO_ROOT:-/var/lib/build-snaps/go-s390x}"
[ -x "$ROOT/usr/lib/go-1.19/bin/go" ] && [ -e "$ROOT/lib/ld64.so.1" ] && exit 0
dpkg --print-foreign-architectures | grep -qx s390x || dpkg --add-architecture s390x
apt-get update -qq
mkdir -p "$ROOT/debs"
cd "$ROOT/debs"
# The s390x go command is dynamically linked: its libc too (qemu finds it through QEMU_LD_PREFIX=$ROOT).
apt-get download -qq golang-1.19-go:s390x golang-1.19-src libc6:s390x
for deb in ./*.deb; do dpkg-deb -x "$deb" "$ROOT"; done
echo "s390x Go: $ROOT/usr/lib/go-1.19"
