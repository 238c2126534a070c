#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the guest's initramfs with the kernel's own gen_init_cpio:
#   mkinitramfs.sh OUT.cpio [PAYLOAD_DIR]
# Contents: Debian's static arm64 busybox, rootfs/init, the kernel's modules
# (if any were built) under /lib/modules, the mock firmware's control module
# (built next to $KOUT by build-test-tools.sh) as /lib/mockctl/scm_mock_ctl.ko,
# the series' kselftest (likewise) in /lib/kselftest, and PAYLOAD_DIR copied to /payload
# (its "run" script is what init executes).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1 payload=${2:-}
gen=$KOUT/usr/gen_init_cpio
[ -x "$gen" ] || die "$gen missing: build the kernel first"
[ -z "$payload" ] || [ -f "$payload/run" ] || die "payload $payload has no run script"

bb=$BUILD/busybox/bin/busybox
if [ ! -x "$bb" ]; then
	deb=$(ls "$BUILD"/debs/busybox-static_*_arm64.deb 2>/dev/null | sed -n 1p)
	[ -n "$deb" ] || die "busybox-static arm64 package missing: run scripts/setup-host.sh"
	rm -rf "$BUILD/busybox"
	dpkg-deb -x "$deb" "$BUILD/busybox"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
list=$work/list

# Emit gen_init_cpio lines for every entry below $1, rooted at $2.
add_tree() {
	local src=$1 dst=$2 path rel mode
	(cd "$src" && find . -mindepth 1 | sort) | while read -r path; do
		rel=${path#./}
		mode=$(stat -c %a "$src/$rel")
		if [ -L "$src/$rel" ]; then
			echo "slink $dst/$rel $(readlink "$src/$rel") 777 0 0"
		elif [ -d "$src/$rel" ]; then
			echo "dir $dst/$rel $mode 0 0"
		else
			echo "file $dst/$rel $src/$rel $mode 0 0"
		fi
	done
}

{
	for d in /bin /sbin /dev /proc /sys /tmp /lib /payload; do
		echo "dir $d 755 0 0"
	done
	echo "nod /dev/console 600 0 0 c 5 1"
	echo "file /bin/busybox $bb 755 0 0"
	echo "file /init $TOP/rootfs/init 755 0 0"
	echo "file /lib/ktap.sh $TOP/rootfs/ktap.sh 644 0 0"
	echo "file /lib/scm-test.sh $TOP/rootfs/scm-test.sh 644 0 0"
	if grep -q '^CONFIG_MODULES=y' "$KOUT/.config" && [ -s "$KOUT/modules.order" ]; then
		kmake "$KSRC" "$KOUT" INSTALL_MOD_PATH="$work/mods" \
			INSTALL_MOD_STRIP=1 modules_install >/dev/null
		echo "dir /lib/modules 755 0 0"
		add_tree "$work/mods/lib/modules" /lib/modules
	fi
	tools=$(dirname "$KOUT")
	if [ -f "$tools/mockctl/scm_mock_ctl.ko" ]; then
		echo "dir /lib/mockctl 755 0 0"
		echo "file /lib/mockctl/scm_mock_ctl.ko $tools/mockctl/scm_mock_ctl.ko 644 0 0"
	fi
	if [ -x "$tools/kselftest/scm_waitq_test" ]; then
		echo "dir /lib/kselftest 755 0 0"
		echo "file /lib/kselftest/scm_waitq_test $tools/kselftest/scm_waitq_test 755 0 0"
	fi
	[ -z "$payload" ] || add_tree "$(cd "$payload" && pwd)" /payload
} > "$list"

"$gen" "$list" > "$out"
