#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Install what the project needs on a Debian 12 host, then fetch the arm64
# busybox for the guest's initramfs. Only missing packages are installed, so
# a prepared machine spends a second here.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PACKAGES=(
	# base tree and kernel build
	linux-source-6.1 linux-source-6.12 xz-utils git make gcc bc bison flex libssl-dev
	libelf-dev cpio kmod perl python3 rsync ccache
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	# kernel quality gates: sparse (C=1), device tree checks
	sparse device-tree-compiler dt-schema yamllint python3-ply python3-git
	# the mock monitor's host unit tests (valgrind; ASan and UBSan come
	# with gcc)
	libcmocka-dev pkg-config valgrind
	# the machine
	qemu-system-arm
	# make bench's plot
	gnuplot-nox
)

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

missing=()
for p in "${PACKAGES[@]}"; do
	dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
need_arm64=0
dpkg --print-foreign-architectures | grep -qx arm64 || need_arm64=1

if [ "${#missing[@]}" -gt 0 ] || [ "$need_arm64" = 1 ]; then
	# The guest's busybox is Debian's arm64 build: enable the architecture
	# so apt can download it (nothing arm64 is installed on the host).
	[ "$need_arm64" = 0 ] || $SUDO dpkg --add-architecture arm64
	msg "apt-get update"
	$SUDO apt-get update -q >/dev/null
fi
if [ "${#missing[@]}" -gt 0 ]; then
	msg "installing: ${missing[*]}"
	$SUDO env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

debs=$BUILD/debs
if ! ls "$debs"/busybox-static_*_arm64.deb >/dev/null 2>&1; then
	mkdir -p "$debs"
	msg "downloading busybox-static:arm64"
	(cd "$debs" && apt-get download -q busybox-static:arm64 >/dev/null 2>&1) || {
		$SUDO apt-get update -q >/dev/null
		(cd "$debs" && apt-get download -q busybox-static:arm64 >/dev/null)
	}
fi
msg "host ready"
