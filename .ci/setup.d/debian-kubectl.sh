#!/bin/sh
# A real Go binary of another architecture for test/gobuildinfo.test.ts and test/sbom.test.ts: Debian's
# kubectl for s390x (package kubernetes-client, architecture s390x), unpacked (not installed) into
#   $DEBIAN_KUBECTL_ROOT (default /var/lib/build-snaps/debian-kubectl)/usr/bin/kubectl
# Idempotent; run as root. The tests skip, saying why, when this has not run.
set -eu
ROOT="${DEBIAN_KUBECTL_ROOT:-/var/lib/build-snaps/debian-kubectl}"
[ -x "$ROOT/usr/bin/kubectl" ] && exit 0
export DEBIAN_FRONTEND=noninteractive
dpkg --print-foreign-architectures | grep -qx s390x || dpkg --add-architecture s390x
apt-get update -qq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # apt-get download fetches as the _apt user
cd "$work"
apt-get download -qq kubernetes-client:s390x
mkdir -p "$ROOT"
dpkg-deb -x kubernetes-client_*_s390x.deb "$ROOT"
echo "debian-kubectl: $(basename kubernetes-client_*_s390x.deb) in $ROOT"
