#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build what guest tests run besides the kernel, against $KOUT (default
# the line's test kernel, build/kernel for 6.1; with "debug" its debug
# kernel, $DEBUG_KOUT), next to it:
#   build/mockctl/scm_mock_ctl.ko   the mock firmware's control module
#                                   (mockctl/, out of tree; its sources are
#                                   copied there so the project tree stays
#                                   clean; the ABI header is monitor's)
#   build/kselftest/scm_waitq_test  the series' kselftest, static (if the
#                                   tree has it)
# For the unpatched kernel that is build/unpatched/{mockctl,kselftest}.
# mkinitramfs.sh puts both into the initramfs of the kernel they match.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ "${1:-}" != debug ] || KOUT=$DEBUG_KOUT
[ -f "$KOUT/Module.symvers" ] || die "build the kernel first"

tools=$(dirname "$KOUT")
out=$tools/mockctl
mkdir -p "$out"
for f in "$TOP"/mockctl/Kbuild "$TOP"/mockctl/scm_mock_ctl.c "$TOP"/monitor/include/mock_ctl.h; do
	cmp -s "$f" "$out/$(basename "$f")" || cp "$f" "$out/"
done
kmake_module "$KOUT" "$out"
msg "mock control module: ${out#$TOP/}/scm_mock_ctl.ko"

st=$KSRC/tools/testing/selftests/drivers/qcom_scm
if [ -d "$st" ]; then
	mkdir -p "$tools/kselftest"
	make -s -C "$st" ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE" \
		CC="${CROSS_COMPILE}gcc" LDFLAGS=-static OUTPUT="$tools/kselftest"
	msg "kselftest: ${tools#$TOP/}/kselftest/scm_waitq_test"
fi
