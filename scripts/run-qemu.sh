#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the test kernel under the mock monitor on QEMU virt and judge the run.
#
#   run-qemu.sh [options] PAYLOAD_DIR
#
# PAYLOAD_DIR is copied to /payload in the initramfs and its "run" script is
# executed by init; its exit status is the verdict. To run your own module,
# build it against the kernel build directory (make -C build/kernel
# M=$PWD), put the .ko and a "run" script that insmods it in a directory,
# and pass that directory here.
#
# Options:
#   --name NAME       keep the run's files in build/runs/NAME (default: the
#                     payload directory's name)
#   --timeout SEC     wall-clock limit for the whole boot (default 120)
#   --append ARGS     extra kernel command-line arguments
#   --scenario STR    the mock firmware's scenario for this boot, e.g.
#                     "mode=waitq k=4 wake=all" (monitor/MODES.md)
#   --no-wake-irq     boot with a device tree that names no SCM wake
#                     interrupt
#   --unpatched       boot the unpatched kernel (base plus the series' test
#                     module patch, scripts/build-unpatched.sh)
#   --expect REGEX    the console must match REGEX (repeatable)
#   --allow REGEX     a report that normally fails the run (an RCU stall, a
#                     soft lockup) is expected here (repeatable)
#   --quiet           do not copy the console to stdout
#
# The run passes only if QEMU exits 0 (PSCI SYSTEM_OFF after the payload
# passed), init reports the payload's status, and the console holds no
# panic, oops, BUG, WARN, RCU stall, soft lockup or hung task report that
# was not allowed. Anything else exits 1 with the reasons, one per line:
# "run-qemu: FAIL: <reason>". The monitor's own log (secure UART) is kept
# as monitor.log beside console.log.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

name= timeout=120 append= quiet=0 payload=
expects=() allows=()
while [ $# -gt 0 ]; do
	case "$1" in
	--name) name=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--scenario) export SCM_MOCK_SCENARIO=$2; shift 2 ;;
	--no-wake-irq) export SCM_NO_WAKE_IRQ=1; shift ;;
	--unpatched)
		export KSRC=$BUILD/unpatched/linux KOUT=$BUILD/unpatched/kernel
		shift ;;
	--expect) expects+=("$2"); shift 2 ;;
	--allow) allows+=("$2"); shift 2 ;;
	--quiet) quiet=1; shift ;;
	-h|--help) sed -n '3,36s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) die "unknown option $1" ;;
	*) payload=$1; shift ;;
	esac
done
[ -n "$payload" ] || die "usage: run-qemu.sh [options] PAYLOAD_DIR"
[ -f "$payload/run" ] || die "$payload/run missing"
name=${name:-$(basename "$(cd "$payload" && pwd)")}

IMAGE=$KOUT/arch/arm64/boot/Image
MONITOR=$BUILD/monitor/monitor.bin
[ -f "$IMAGE" ] || die "$IMAGE missing: run make"
[ -f "$MONITOR" ] || die "$MONITOR missing: run make"

# Load addresses agreed with the monitor (monitor/include/platform.h):
# QEMU copies the DTB to the start of RAM, the Image sits 2 MiB in (arm64
# needs 2 MiB alignment), the initramfs well above the kernel's footprint.
KERNEL_ADDR=0x40200000
INITRD_ADDR=0x48000000

run=$BUILD/runs/$name
rm -rf "$run"
mkdir -p "$run"
"$TOP/scripts/mkinitramfs.sh" "$run/initramfs.cpio" "$payload"
initrd_size=$(stat -c %s "$run/initramfs.cpio")
bootargs="console=ttyAMA0 earlycon=pl011,0x09000000 panic=-1 oops=panic${append:+ $append}"
"$TOP/scripts/mkdtb.sh" "$run/virt.dtb" "$bootargs" "$INITRD_ADDR" "$initrd_size"

qemu=(qemu-system-aarch64
	-M virt,secure=on,gic-version=3 -cpu cortex-a57 -smp 4 -m 1024
	-nodefaults -display none
	-bios "$MONITOR"
	-dtb "$run/virt.dtb"
	-device "loader,file=$IMAGE,addr=$KERNEL_ADDR,force-raw=on"
	-device "loader,file=$run/initramfs.cpio,addr=$INITRD_ADDR,force-raw=on"
	-semihosting-config enable=on,target=native
	-serial stdio -serial "file:$run/monitor.log")
printf '%q ' "${qemu[@]}" > "$run/qemu.cmd"

msg "booting $name (timeout ${timeout}s, files in ${run#$TOP/})"
start=$(date +%s.%N)
set +e
if [ "$quiet" = 1 ]; then
	timeout -k 5 "$timeout" "${qemu[@]}" < /dev/null > "$run/console.log" 2>&1
	status=$?
else
	timeout -k 5 "$timeout" "${qemu[@]}" < /dev/null 2>&1 | tee "$run/console.log"
	status=${PIPESTATUS[0]}
fi
set -e
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
printf '%s\n' "$status" > "$run/exit-status"

fail=()
case "$status" in
0) ;;
1) fail+=("guest requested a reset (payload failed or kernel panicked), QEMU exit 1") ;;
3) fail+=("monitor fault at EL3 (see ${run#$TOP/}/monitor.log)") ;;
124|137) fail+=("timeout after ${timeout}s") ;;
*) fail+=("QEMU exited with status $status") ;;
esac

allowed() {
	local a
	for a in "${allows[@]}"; do
		grep -qE -- "$a" <<<"$1" && return 0
	done
	return 1
}

# Reports that fail any run unless allowed: label|regex.
while IFS='|' read -r label regex; do
	line=$(grep -aE -m1 -- "$regex" "$run/console.log" | tr -d '\r' || true)
	[ -n "$line" ] || continue
	allowed "$line" && continue
	fail+=("$label: ${line#*] }")
done <<'EOF'
kernel panic|Kernel panic - not syncing
oops|Internal error: Oops|Unable to handle kernel
BUG|BUG: |kernel BUG at
WARN|WARNING: CPU: [0-9]+ PID
RCU stall|rcu: INFO: .*(detected stalls|self-detected stall)
hung task|INFO: task .* blocked for more than
EOF

for e in "${expects[@]}"; do
	grep -aqE -- "$e" "$run/console.log" || fail+=("expected output missing: $e")
done
if [ "$status" = 0 ] && ! grep -aq "qemu-test: payload exit status 0" "$run/console.log"; then
	fail+=("init never reported the payload's status")
fi

printf 'run-qemu: %s: QEMU exit %s after %.1fs\n' "$name" "$status" "$elapsed"
if [ "${#fail[@]}" -gt 0 ]; then
	if [ "$status" = 3 ] || [ "$quiet" = 1 ]; then
		echo "--- monitor.log (tail) ---"
		tail -n 20 "$run/monitor.log" 2>/dev/null || true
	fi
	printf 'run-qemu: FAIL: %s\n' "${fail[@]}"
	exit 1
fi
echo "run-qemu: PASS"
