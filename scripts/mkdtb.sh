#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Compile dts/qemu-virt-scm.dts for one run.
#   mkdtb.sh OUT.dtb [BOOTARGS [INITRD_START INITRD_SIZE]]
# The /chosen node is generated next to OUT.dtb (chosen.dtsi): kernel command
# line and initramfs location, which only the runner knows, and the mock
# firmware's scenario from $SCM_MOCK_SCENARIO (see monitor/MODES.md).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$1 bootargs=${2:-} initrd_start=${3:-} initrd_size=${4:-}
dir=$(dirname "$out")
mkdir -p "$dir"
{
	echo "chosen {"
	echo "	stdout-path = \"serial0:115200n8\";"
	[ -z "$bootargs" ] || echo "	bootargs = \"$bootargs\";"
	if [ -n "$initrd_start" ]; then
		printf '\tlinux,initrd-start = <0x%x>;\n' "$initrd_start"
		printf '\tlinux,initrd-end = <0x%x>;\n' $((initrd_start + initrd_size))
	fi
	[ -z "${SCM_MOCK_SCENARIO:-}" ] ||
		echo "	qemu,scm-mock-scenario = \"$SCM_MOCK_SCENARIO\";"
	echo "};"
} > "$dir/chosen.dtsi"

cpp -nostdinc -undef -x assembler-with-cpp -D__DTS__ \
	-I "$KSRC/include" -I "$dir" "$TOP/dts/qemu-virt-scm.dts" > "$out.pre"
# A machine whose device tree names no wake interrupt (SCM_NO_WAKE_IRQ=1).
[ "${SCM_NO_WAKE_IRQ:-0}" = 0 ] ||
	printf '&scm {\n\t/delete-property/ interrupts;\n};\n' >> "$out.pre"
dtc -q -I dts -O dtb -o "$out" "$out.pre"
