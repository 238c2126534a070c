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
#                     "mode=waitq k=4 wake=all" (monitor/MODES.md); the
#                     monitor must echo it and apply every word
#   --monitor FILE    boot this monitor binary (default
#                     build/monitor/monitor.bin)
#   --no-wake-irq     boot with a device tree that names no SCM wake
#                     interrupt
#   --unpatched       boot the unpatched kernel (base plus the series' test
#                     module patch, scripts/build-unpatched.sh)
#   --debug-kernel    boot the debug kernel (KASAN, kmemleak, lockdep, UBSAN,
#                     debug objects: scripts/build-kernel.sh debug) with
#                     short hung-task, soft-lockup and RCU stall timeouts
#   --expect REGEX    the console must match REGEX (repeatable)
#   --allow REGEX     a kernel report matching REGEX (an RCU stall, a soft
#                     lockup) is expected here; every other report still
#                     fails the run (repeatable)
#   --smp N           boot N CPUs (default 4)
#   --icount          virtual time from the instruction count (QEMU
#                     -icount shift=0,sleep=off: one instruction, one
#                     nanosecond; idle time skipped): timings that do not
#                     depend on the host, for code that does not wait on
#                     real time
#   --quiet           do not copy the console to stdout
#
# The run passes only if QEMU exits 0 (PSCI SYSTEM_OFF after the payload
# passed), init reports the payload's status, the monitor's log echoes the
# scenario (or its defaults, without one) and names no word of it ignored
# (an unknown key, a value out of range), and no kernel line of the
# console (one with a printk timestamp) is a report that was not allowed:
# panic, KASAN, UBSAN, kmemleak, lockdep, soft lockup, hung task, RCU stall
# (normal, expedited, tasks), oops, BUG or WARN (the table below). Anything
# else exits 1 with the reasons, one per line: "run-qemu: FAIL: <kind>:
# <detail>", where a report's detail is its first line not allowed. The
# monitor's own log (secure UART) is kept as monitor.log beside console.log.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

name= timeout=120 append= quiet=0 payload= debug=0 smp=4 icount=()
MONITOR=$BUILD/monitor/monitor.bin
expects=() allows=()
while [ $# -gt 0 ]; do
	case "$1" in
	--name) name=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--scenario) export SCM_MOCK_SCENARIO=$2; shift 2 ;;
	--no-wake-irq) export SCM_NO_WAKE_IRQ=1; shift ;;
	--unpatched)
		export KSRC=$UNPATCHED/linux KOUT=$UNPATCHED/kernel
		shift ;;
	--debug-kernel) export KOUT=$DEBUG_KOUT; debug=1; shift ;;
	--expect) expects+=("$2"); shift 2 ;;
	--allow) allows+=("$2"); shift 2 ;;
	--smp) smp=$2; shift 2 ;;
	--icount) icount=(-icount shift=0,sleep=off); shift ;;
	--quiet) quiet=1; shift ;;
	--monitor) MONITOR=$2; shift 2 ;;
	-h|--help) sed -n '3,54s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) die "unknown option $1" ;;
	*) payload=$1; shift ;;
	esac
done
[ -n "$payload" ] || die "usage: run-qemu.sh [options] PAYLOAD_DIR"
[[ $smp =~ ^[1-8]$ ]] || die "--smp takes 1 to 8 CPUs"
[ -f "$payload/run" ] || die "$payload/run missing"
name=${name:-$(basename "$(cd "$payload" && pwd)")}

IMAGE=$KOUT/arch/arm64/boot/Image
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
bootargs="console=ttyAMA0 earlycon=pl011,0x09000000 panic=-1 oops=panic"
# The debug kernel's detectors must be able to fire within one run: a task
# blocked 10 s, a CPU held 10 s (twice watchdog_thresh), a grace period
# stalled 10 s (5 s, plus the 5 s PROVE_RCU adds; the defaults are 120,
# 20 and 26 s). A run's own --append comes later and wins.
[ "$debug" = 0 ] || bootargs+=" sysctl.kernel.hung_task_timeout_secs=10 watchdog_thresh=5 rcupdate.rcu_cpu_stall_timeout=5"
# A line other than 6.1 says which, for the payloads that check it
# (tests/guest/boot).
[ "$LINE" = 6.1 ] || bootargs+=" guest.kernel_line=$LINE"
bootargs+="${append:+ $append}"
"$TOP/scripts/mkdtb.sh" "$run/virt.dtb" "$bootargs" "$INITRD_ADDR" "$initrd_size"

qemu=(qemu-system-aarch64
	-M virt,secure=on,gic-version=3 -cpu cortex-a57 -smp "$smp" -m 1024
	-nodefaults -display none
	-bios "$MONITOR"
	-dtb "$run/virt.dtb"
	-device "loader,file=$IMAGE,addr=$KERNEL_ADDR,force-raw=on"
	-device "loader,file=$run/initramfs.cpio,addr=$INITRD_ADDR,force-raw=on"
	-semihosting-config enable=on,target=native
	-serial stdio -serial "file:$run/monitor.log" "${icount[@]}")
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
1) fail+=("reset: QEMU exit 1, the guest asked for SYSTEM_RESET (the payload failed, or a panic)") ;;
3) fail+=("monitor fault: QEMU exit 3, a fault taken at EL3 (see ${run#$TOP/}/monitor.log)") ;;
124|137) fail+=("timeout: no power-off within ${timeout}s") ;;
*) fail+=("QEMU exit: status $status") ;;
esac

allowed() {
	local a
	for a in "${allows[@]}"; do
		grep -qE -- "$a" <<<"$1" && return 0
	done
	return 1
}

# Reports that fail any run unless allowed: kind|regex. A kernel line is
# of the first kind whose regex it matches, so the specific kinds come
# before the generic ones ("BUG: soft lockup" is a soft lockup, not a BUG;
# "Internal error: Oops - BUG" an oops).
kinds=$(cat <<'EOF'
kernel panic|Kernel panic - not syncing
KASAN|BUG: KASAN: 
UBSAN|UBSAN: 
kmemleak|kmemleak: [0-9]+ new suspected memory leaks
lockdep|WARNING: (possible .*(locking|dependency)|inconsistent lock state|.*-safe -> .*-unsafe lock order|bad (unlock balance|contention)|held lock freed|lock held when returning|Nested lock was not taken|suspicious RCU usage|.* still has locks held)
soft lockup|BUG: soft lockup - CPU#
hung task|INFO: task .* blocked for more than
RCU tasks stall|INFO: rcu_tasks[a-z_]* detected stalls
RCU expedited stall|rcu: INFO: .* detected expedited stalls
RCU stall|rcu: INFO: .*(detected stalls|self-detected stall)
oops|Internal error: Oops|Unable to handle kernel
BUG|BUG: |kernel BUG at
WARN|WARNING: CPU: [0-9]+ PID
EOF
)
# Every kernel line that is a report, from its printk timestamp on (a
# payload's output may share the line), read without the timestamp. All
# of them are read, so an allowed report never hides a later one.
any=$(cut -d'|' -f2- <<<"$kinds" | paste -sd'|')
reported=" "
while IFS= read -r line; do
	text=${line#*] }
	while IFS='|' read -r kind regex; do
		[[ $text =~ $regex ]] || continue
		allowed "$text" && break
		# One reason per kind: its first line not allowed.
		case "$reported" in *" <$kind> "*) ;; *)
			reported+="<$kind> "
			fail+=("$kind: $text") ;;
		esac
		break
	done <<<"$kinds"
done < <(tr -d '\r' < "$run/console.log" |
	grep -aoE -- "\[ *[0-9]+\.[0-9]+\] .*($any).*" || true)

# The scenario took effect: the monitor's log echoes the one this boot
# gave it and names no word it ignored ("(ignored words: ...)").
if [ -n "${SCM_MOCK_SCENARIO:-}" ]; then
	want="monitor: scm scenario \"$SCM_MOCK_SCENARIO\""
else
	want="monitor: scm scenario: defaults (no /chosen/qemu,scm-mock-scenario)"
fi
echoed=$(tr -d '\r' < "$run/monitor.log" 2>/dev/null | grep -m1 '^monitor: scm scenario' || true)
ignored=${echoed#"$want (ignored words: "}
if [ "$ignored" != "$echoed" ]; then
	fail+=("scenario: ignored words: ${ignored%)}")
elif [ "$echoed" != "$want" ]; then
	fail+=("scenario: the monitor's log does not echo it: ${echoed:-no scenario line}")
fi

for e in "${expects[@]}"; do
	grep -aqE -- "$e" "$run/console.log" || fail+=("expected output missing: $e")
done
if [ "$status" = 0 ] && ! grep -aq "qemu-test: payload exit status 0" "$run/console.log"; then
	fail+=("init: never reported the payload's exit status")
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
