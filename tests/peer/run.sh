#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot one scenario of tests/peer/scenarios.sh on one kernel and judge it.
#   run.sh NAME KERNEL EXPECT RUN-QEMU-ARGS... PAYLOAD
#   run.sh --key NAME ...   boot nothing; succeed if the verdict recorded
#                           for these arguments still holds (see below)
# KERNEL is one of
#   upstream-6.12  unpatched Linux 6.12 plus the test module (make peer)
#   ours-6.12      Linux 6.12 with patches/6.12/ (make kernel LINE=6.12)
#   ours-6.1       Linux 6.1 with patches/6.1/ (make kernel)
# EXPECT is "pass", "hang" or "fail:N". Every boot names the kernel line it must be
# (guest.kernel_line= on the command line, which tests/guest/boot checks)
# and has a quick hung-task detector that panics (10 s, so a run that
# blocks ends within seconds, not at its timeout): a hang is a hung-task
# report whose stack is in qcom_scm's wait, then the panic's reset.
#   pass  the run passes (scripts/run-qemu.sh's verdict)
#   hang  the run hangs as above and nothing else is reported: no other
#         kernel report, no payload check failed before the hang. A hang
#         during boot (in rmtfs_mem's probe) comes before the command
#         line's sysctl settings apply: there the detector's defaults (a
#         task blocked 120 s, checked every 120 s) report it after about
#         240 s and the runner's timeout, not a panic, ends the run, so
#         such a scenario needs a timeout of 300 s
#   fail:N  the payload's check N fails, and nothing else: every other
#         check passes, no kernel report, no reason of the runner but the
#         payload's failure (for what upstream's driver does differently
#         by design without hanging, as serialising calls)
# Prints the runner's output, then one verdict line, the evidence after
# the colon:
#   peer: pass
#   peer: hang, as expected: <hung-task line>; <first qcom_scm frame>
#   peer: fails, as expected: <the payload's "not ok N" line>
#   peer: FAIL: <first failed check of the payload>; <runner's reason>
#   peer: not built: <Image>
# and exits 0 for pass or an expected hang, 1 for a failure, 2 when the
# kernel is not built. The boot's files are in build/runs/612-peer-NAME-KERNEL.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

# verdict LINE STATUS: print LINE, record it with the key, exit STATUS.
verdict() {
	echo "$1"
	if [ -n "${key:-}" ]; then
		echo "$1" > "$record/$kernel.verdict"
		echo "$(($(date +%s) - start))" > "$record/$kernel.secs"
		echo "$key" > "$record/$kernel.key"
	fi
	exit "$2"
}

check_only=0
[ "${1:-}" != --key ] || { check_only=1; shift; }
[ $# -ge 4 ] || die "usage: run.sh [--key] NAME KERNEL EXPECT RUN-QEMU-ARGS... PAYLOAD"
name=$1 kernel=$2 expect=$3
shift 3
case "$kernel" in
upstream-6.12) line=6.12 src=$BUILD/6.12/unpatched/linux out=$BUILD/6.12/unpatched/kernel ;;
ours-6.12) line=6.12 src=$BUILD/linux-6.12 out=$BUILD/6.12/kernel ;;
ours-6.1) line=6.1 src=$BUILD/linux out=$BUILD/kernel ;;
*) die "unknown kernel $kernel" ;;
esac
case "$expect" in pass | hang | fail:[1-9]*) ;; *) die "EXPECT is pass, hang or fail:N, not $expect" ;; esac
if [ ! -f "$out/arch/arm64/boot/Image" ]; then
	verdict "peer: not built: ${out#$TOP/}/arch/arm64/boot/Image" 2
fi

run=612-peer-$name-$kernel
# Each verdict is recorded in build/compare/NAME/KERNEL.verdict, with the
# hash of what it depends on (KERNEL.key: the arguments, the kernel and
# its modules, the test tools, the monitor, the payload, the guest's
# files, the scripts, this one), so that make compare reuses it while
# they hold.
record=$BUILD/compare/$name
mkdir -p "$record"
key=$({
	printf '%s\n' "$name" "$kernel" "$expect" "$@"
	{
		find "$out/arch/arm64/boot/Image" "$out/.config" "$BUILD/monitor/monitor.bin" \
			"$TOP/scripts" "$TOP/rootfs" "$TOP/dts" "$0" -type f
		find "$out" "$(dirname "$out")"/{mockctl,kselftest} -name '*.ko' -o -name scm_waitq_test
		for a in "$@"; do [ ! -d "$a" ] || find "$a" -type f; done
	} 2>/dev/null | sort | xargs sha256sum
	qemu-system-aarch64 --version | sed -n 1p
} | sha256sum | cut -d' ' -f1)
if [ "$check_only" = 1 ]; then
	[ -f "$record/$kernel.verdict" ] && [ "$(cat "$record/$kernel.key" 2>/dev/null)" = "$key" ]
	exit
fi
rm -f "$record/$kernel".{key,verdict,secs}
console=$BUILD/runs/$run/console.log
hung="INFO: task .* blocked for more than"
detect="sysctl.kernel.hung_task_timeout_secs=10 sysctl.kernel.hung_task_check_interval_secs=1"
detect+=" sysctl.kernel.hung_task_panic=1 guest.kernel_line=$line"
allow=()
[ "$expect" != hang ] ||
	allow=(--allow "$hung" --allow 'Kernel panic - not syncing: hung_task')

start=$(date +%s)
set +e
LINE=$line KSRC=$src KOUT=$out "$TOP/scripts/run-qemu.sh" --quiet --name "$run" \
	--append "$detect" "${allow[@]}" "$@" > "$BUILD/runs/$run.out" 2>&1
status=$?
set -e
cat "$BUILD/runs/$run.out"
reasons=$(sed -n 's/^run-qemu: FAIL: //p' "$BUILD/runs/$run.out")
rm -f "$BUILD/runs/$run.out"

# The payload's first failed check, and the runner's first reason.
first_not_ok=$(tr -d '\r' < "$console" 2>/dev/null | grep -a -m1 '^ *not ok ' | sed 's/^ *//' || true)
evidence=$(printf '%s\n' "$first_not_ok" "$(sed -n 1p <<<"$reasons")" | sed '/^$/d' | paste -sd';' | sed 's/;/; /g')

if [ "$expect" = pass ]; then
	[ "$status" != 0 ] || verdict "peer: pass" 0
	verdict "peer: FAIL: $evidence" 1
fi

# Expected to fail one check: that check alone, and the runner saw only
# the payload's failure (the reset init asks for).
if [ "${expect%%:*}" = fail ]; then
	n=${expect#fail:}
	not_oks=$(tr -d '\r' < "$console" 2>/dev/null | grep -a '^ *not ok ' | sed 's/^ *//' || true)
	others=$(grep -vE '^reset: ' <<<"$reasons" || true)
	[ "$status" != 0 ] ||
		verdict "peer: FAIL: expected check $n to fail, the run passed" 1
	[ "$(grep -c . <<<"$not_oks")" = 1 ] && grep -qE "^not ok $n( |$)" <<<"$not_oks" &&
		[ -z "$others" ] ||
		verdict "peer: FAIL: expected check $n alone to fail: $evidence" 1
	verdict "peer: fails, as expected: $not_oks" 0
fi

# Expected to hang: the hung-task report, in qcom_scm's wait, then only
# the panic's reset (or the runner's timeout) as reasons.
report=$(tr -d '\r' < "$console" | grep -aoE -m1 -- "$hung.*" || true)
# What the driver said first, if anything (WAKE_ALL: "Invalid flags").
said=$(tr -d '\r' < "$console" | grep -aoE -m1 'qcom_scm firmware:scm: .*' || true)
# The frame that says where it waits: upstream's wait for the wake if
# any hung task is there, else the first qcom_scm frame.
frames=$(tr -d '\r' < "$console" | sed -n "/$hung/,\$p" |
	grep -aoE 'qcom_scm_[a-z_]+\+0x[0-9a-f]+/0x[0-9a-f]+' || true)
frame=$(grep -m1 '^qcom_scm_wait_for_wq_completion+' <<<"$frames" || sed -n 1p <<<"$frames")
others=$(grep -vE '^(reset|timeout): ' <<<"$reasons" || true)
[ "$status" != 0 ] ||
	verdict "peer: FAIL: expected a hang in qcom_scm's wait, the run passed" 1
[ -n "$report" ] ||
	verdict "peer: FAIL: expected a hang in qcom_scm's wait, no hung task reported; $evidence" 1
[ -n "$frame" ] || verdict "peer: FAIL: a hung task outside qcom_scm: $report" 1
[ -z "$others" ] && [ -z "$first_not_ok" ] ||
	verdict "peer: FAIL: hung, and more: $(printf '%s\n' "$first_not_ok" "$others" |
		sed '/^$/d' | paste -sd';' | sed 's/;/; /g')" 1
verdict "peer: hang, as expected: $report; in $frame${said:+; driver: $said}" 0
