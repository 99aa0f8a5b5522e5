#!/bin/sh
# A STAND-IN for the `ubuntu:22.04` image on linux/s390x, for the emulated pack route's tests and benchmark: a
# Debian bookworm s390x root made by debootstrap from Debian's archive (its second stage runs under qemu-user),
# with python3, venv, pip, setuptools and gcc, and /etc/os-release saying Ubuntu 22.04 (so charmcraft, or its
# double, takes it for the build-on release). It is NOT Ubuntu: the file says so in its comment and in
# /etc/build-snaps-standin. Cached as a docker-archive tarball whose config records linux/s390x, so
# `docker load` gives an image that `docker run --platform linux/s390x ubuntu:22.04` finds locally (docker
# import would record amd64, and docker would then try to pull).
#   $STANDIN_ROOT (default /var/lib/build-snaps/standin)/ubuntu-22.04-s390x.tar
# Idempotent; run as root; about 3-5 minutes the first time. .ci/docker-up loads it into a running engine.
set -eu
ROOT="${STANDIN_ROOT:-/var/lib/build-snaps/standin}"
OUT="$ROOT/ubuntu-22.04-s390x.tar"
[ -s "$OUT" ] && exit 0
command -v debootstrap >/dev/null || { echo "s390x-standin: debootstrap is not installed (.ci/apt-packages)"; exit 1; }
[ -d /proc/sys/fs/binfmt_misc ] && { mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc; }
update-binfmts --import qemu-s390x 2>/dev/null || true
update-binfmts --enable qemu-s390x 2>/dev/null || true
[ -e /proc/sys/fs/binfmt_misc/qemu-s390x ] || { echo "s390x-standin: qemu-s390x is not registered with binfmt_misc (qemu-user-static, binfmt-support)"; exit 1; }
mkdir -p "$ROOT"
work=$(mktemp -d "$ROOT/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
debootstrap --arch=s390x --variant=minbase \
	--include=python3,python3-venv,python3-pip,python3-setuptools,python3-wheel,python3-dev,gcc,libc6-dev \
	bookworm "$work/root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
	{ tail -n 20 "$work/debootstrap.log"; exit 1; }
rm -rf "$work/root/var/cache/apt/archives"/*.deb "$work/root/var/lib/apt/lists"/*
# Debian's /etc/os-release is a symlink to ../usr/lib/os-release: replace both with the stand-in's text.
rm -f "$work/root/etc/os-release" "$work/root/usr/lib/os-release"
cat >"$work/root/etc/os-release" <<'OS'
# STAND-IN: a Debian bookworm s390x root made by build-snaps' .ci/setup.d/s390x-standin.sh for its tests;
# it says Ubuntu 22.04 so that charmcraft takes it for that build-on release. Not an Ubuntu image.
NAME="Ubuntu"
VERSION="22.04 (build-snaps stand-in: Debian bookworm)"
ID=ubuntu
ID_LIKE=debian
VERSION_ID="22.04"
VERSION_CODENAME=jammy
PRETTY_NAME="Ubuntu 22.04 stand-in (Debian bookworm s390x, build-snaps tests)"
OS
cp "$work/root/etc/os-release" "$work/root/usr/lib/os-release"
echo "Debian bookworm s390x, debootstrap $(date -u +%F); a stand-in for ubuntu:22.04 in build-snaps' tests" >"$work/root/etc/build-snaps-standin"
tar -C "$work/root" --numeric-owner -cf "$work/layer.tar" .
python3 - "$work" "$OUT.tmp" <<'PY'
import hashlib, json, os, sys, tarfile
work, out = sys.argv[1], sys.argv[2]
layer = os.path.join(work, "layer.tar")
h = hashlib.sha256()
with open(layer, "rb") as f:
    for b in iter(lambda: f.read(1 << 20), b""):
        h.update(b)
diff = "sha256:" + h.hexdigest()
config = {
    "architecture": "s390x", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["/bin/bash"],
               "Labels": {"org.opencontainers.image.description": "STAND-IN for ubuntu:22.04 linux/s390x: Debian bookworm s390x (build-snaps tests)"}},
    "rootfs": {"type": "layers", "diff_ids": [diff]},
    "history": [{"created_by": "build-snaps .ci/setup.d/s390x-standin.sh (debootstrap bookworm s390x)"}],
}
cj = json.dumps(config, sort_keys=True).encode()
cid = hashlib.sha256(cj).hexdigest()
with tarfile.open(out, "w") as t:
    def add(name, data):
        ti = tarfile.TarInfo(name); ti.size = len(data); ti.mode = 0o644
        import io; t.addfile(ti, io.BytesIO(data))
    add(cid + ".json", cj)
    t.add(layer, arcname=h.hexdigest() + "/layer.tar")
    add("manifest.json", json.dumps([{"Config": cid + ".json", "RepoTags": ["ubuntu:22.04"], "Layers": [h.hexdigest() + "/layer.tar"]}]).encode())
PY
mv "$OUT.tmp" "$OUT"
echo "s390x-standin: $OUT ($(du -h "$OUT" | cut -f1), $(($(date +%s) - start)) s)"
