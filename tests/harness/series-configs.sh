#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The series in the configurations it must also build in, each in its own
# output directory next to build/kernel:
#   defconfig  arm64 defconfig (QCOM_SCM built in, as in SM8450 kernels)
#              plus the test module as a module
#   modular    the test kernel's configuration with QCOM_SCM and the test
#              module as modules
# drivers/firmware/ is built with W=1 and sparse (C=1): nothing may be
# reported in the files the series touches. Then the sm8450 device trees
# are built and checked against the bindings (dtbs_check): nothing may be
# reported about their scm node.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

[ -f "$KOUT/.config" ] || die "build the kernel first"
files=$(git -C "$KSRC" diff --name-only "$BASE_TAG" "$SERIES_BRANCH" -- 'drivers/*.c' 'drivers/*.h')
bad=0

# config_is OUT SYMBOL VALUE: the final .config must say so.
config_is() {
	grep -qx "CONFIG_$2=$3" "$1/.config" ||
		{ echo "CONFIG_$2 is not $3 in $(basename "$1")"; bad=1; }
}

build_firmware() {
	local out=$1 log=$1/firmware.log warn
	if ! kmake "$KSRC" "$out" -j"$(nproc)" W=1 C=1 drivers/firmware/ > "$log" 2>&1; then
		tail -20 "$log"
		echo "FAIL: drivers/firmware/ does not build ($(basename "$out"))"
		bad=1
		return
	fi
	warn=$(warnings_in "$log" $files)
	if [ -n "$warn" ]; then
		echo "$warn"
		echo "FAIL: W=1/sparse warnings ($(basename "$out"))"
		bad=1
	else
		echo "ok: drivers/firmware/ with W=1 C=1 ($(basename "$out")): $(echo $files)"
	fi
}

def=$LINE_BUILD/configs/defconfig
mkdir -p "$def"
kmake "$KSRC" "$def" defconfig > /dev/null
"$KSRC/scripts/config" --file "$def/.config" -e DEBUG_FS -m QCOM_SCM_TEST
kmake "$KSRC" "$def" olddefconfig > /dev/null
config_is "$def" QCOM_SCM y
config_is "$def" QCOM_SCM_TEST m
build_firmware "$def"

mod=$LINE_BUILD/configs/modular
mkdir -p "$mod"
cp "$KOUT/.config" "$mod/.config"
"$KSRC/scripts/config" --file "$mod/.config" -m QCOM_RMTFS_MEM -m QCOM_SCM_TEST \
	-d QCOM_SCM_KUNIT_TEST
kmake "$KSRC" "$mod" olddefconfig > /dev/null
config_is "$mod" QCOM_SCM m
config_is "$mod" QCOM_SCM_TEST m
build_firmware "$mod"

# dtbs_check of the sm8450 boards, against the series' bindings, where
# this host's dtschema is as recent as the tree requires (6.12 asks for
# 2023.9, Debian 12 has 2022.08; the 6.12 series changes no binding).
min=$(sed -n 's/^DT_SCHEMA_MIN_VERSION = //p' "$KSRC/Documentation/devicetree/bindings/Makefile")
have=$(dt-doc-validate --version 2>/dev/null || echo 0)
if [ -n "$min" ] && ! printf '%s\n%s\n' "$min" "$have" | sort -Vc 2>/dev/null; then
	echo "not run: dtbs_check (this tree needs dtschema $min, the host has $have)"
	exit "$bad"
fi
dtbs=$(cd "$KSRC/arch/arm64/boot/dts" && ls qcom/sm8450-*.dts | sed 's/\.dts$/.dtb/')
kmake "$KSRC" "$def" DT_SCHEMA_FILES=firmware/qcom,scm.yaml dt_binding_check > "$def/schema.log" 2>&1 ||
	{ cat "$def/schema.log"; exit 1; }
kmake "$KSRC" "$def" CHECK_DTBS=y $dtbs > "$def/dtbs.log" 2>&1 ||
	{ tail -20 "$def/dtbs.log"; echo "FAIL: sm8450 device trees do not build"; exit 1; }
if grep -i "scm" "$def/dtbs.log"; then
	echo "FAIL: dtbs_check reports the scm node"
	bad=1
else
	echo "ok: dtbs_check says nothing about scm in $(echo $dtbs)"
fi
exit "$bad"
