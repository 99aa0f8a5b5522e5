#!/bin/sh
# Go's standard library, compiled once for every target arch into GOROOT/pkg, the way the actions build
# (CGO_ENABLED=0, -trimpath -buildvcs=false; GOARM=7 for armhf). Go 1.19 (Debian's golang-go) takes an
# up-to-date archive from GOROOT/pkg/linux_<arch> instead of compiling the standard library again in every
# empty GOCACHE: a cross build with a cold cache drops from ~30 s of CPU to under 1 s, and the binary is
# byte-identical (checked with cmp). The tests' cold-cache builds still compile their own code from scratch.
# Newer Go (1.20+) no longer reads GOROOT/pkg; there this step changes nothing. Idempotent: an up-to-date
# library is only hashed (~1 s per arch). Run as root (GOROOT is the system's).
set -eu
command -v go >/dev/null || exit 0
for target in amd64 arm64 arm ppc64le s390x riscv64; do
	start=$(date +%s)
	GOOS=linux GOARCH="$target" GOARM=7 CGO_ENABLED=0 GOFLAGS="-trimpath -buildvcs=false" go install std
	echo "go-std: linux/$target standard library up to date ($(($(date +%s) - start)) s)"
done
