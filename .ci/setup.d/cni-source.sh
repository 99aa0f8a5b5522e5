#!/bin/sh
# The real upstream source for test/cni-debian.test.ts: Debian's golang-github-containernetworking-plugins
# (containernetworking/plugins v1.1.1 on bookworm) with its build dependencies, laid out as a GOPATH:
#   $CNI_DEBSRC_ROOT/gopath/src/github.com/containernetworking/plugins
# Idempotent; run as root. The test skips, saying why, when this has not run.
set -eu
ROOT="${CNI_DEBSRC_ROOT:-/var/lib/build-snaps/cni-debsrc}"
PKG=golang-github-containernetworking-plugins
DEST="$ROOT/gopath/src/github.com/containernetworking/plugins"
[ -f "$DEST/build_linux.sh" ] && exit 0

# deb-src entries mirroring the deb ones (deb822 format, as bookworm uses).
SRC=/etc/apt/sources.list.d/build-snaps-deb-src.sources
if [ ! -f "$SRC" ] && [ -f /etc/apt/sources.list.d/debian.sources ]; then
	sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$SRC"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq dpkg-dev >/dev/null
apt-get build-dep -y -qq "$PKG" >/dev/null

mkdir -p "$ROOT/apt"
cd "$ROOT/apt"
apt-get source -qq "$PKG"
dir=$(find . -maxdepth 1 -type d -name "$PKG-*" | head -n 1)
mkdir -p "$(dirname "$DEST")"
rm -rf "$DEST"
cp -a "$dir" "$DEST"
echo "cni-source: $(basename "$dir") in $DEST"
