#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run test groups and print the results as KTAP, then the closing count.
#   tests/check.sh [GROUP|NAME...]   groups: host, guest, debug, harness
#                                    (default: these four), debug-long
#                                    (make check-all); or single tests
# Each test's full output is kept in build/logs/NAME.log. A guest test's
# own KTAP (its payload's output) is printed nested under its result; a
# failing test also shows its log's last lines as diagnostics. The last
# line is "N passed, N failed". Expects the builds done (make does them).
#
# Kernel lines: the rows run on line 6.1; LINES="6.1 6.12" (make check
# sets it) also runs every row that depends on the kernel line (the
# series' checks, the guest and debug boots) on each further line, named
# NAME-LINE (guest-boot-6.12), with that line's tree, series and builds
# (scripts/lib.sh). Rows that test the monitor, the runner or the tests
# themselves run once. A line whose kernel is not built skips its rows.
#
# Some tests take minutes and depend on nothing but inputs that can be
# hashed: the series' host checks (round trip, checkpatch, bisect,
# configurations) and the device tree checks on the kernel tree, the
# patches, the configuration, the device tree, the tools and their own
# scripts; every boot (the guest tests, the debug kernel's, the runner's
# self-tests) on the kernel, what the initramfs holds, the monitor, the
# scripts and QEMU (inputs below). A pass is
# remembered under a hash of those (build/check-cache/) and stands,
# reported as "# cached", until one of them changes; CHECK_CACHE=0 runs
# them regardless. A fresh clone has no cache, so CI always runs them.
set -uo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

# The tests, in the order they run, one row each:
#
#   row NAME GROUP RUNNER ARGUMENTS...
#
# RUNNER says what ARGUMENTS are:
#   cmd    a command and its arguments, run as they stand
#   qemu   scripts/run-qemu.sh options and a payload directory; the boot's
#          files go to build/runs/NAME (less a "guest-" prefix; so no
#          --name), and the payload's KTAP is nested under the result
#   kunit  as qemu, and the boot's KUnit results must also pass the
#          kernel's tools/testing/kunit/kunit.py parse
# Arguments are words of this script: quote them as in any command.
# --expect-LINE REGEX (--expect-6.1) is --expect REGEX on that kernel line
# only: a message of one line's driver that the other's does not print.
# A row that boots the debug kernel (--debug-kernel among its arguments)
# is skipped when that kernel is not built (make debug-kernel).
n=0
row() {
	n=$((n + 1))
	declare -ga "row_$n"
	local -n r=row_$n
	r=("$@")
}

G=$TOP/tests/guest
H=$TOP/tests/harness
reports=$H/runner-reports.sh

# Contention by the mock's second VM: every 3 ms (+-0.5) it holds a
# resource for 1.5 ms; for the seed's scenario, every 6 s for 5 s, with
# RCU's stall timeout lowered to 3 s so that a stalled core is reported.
load="period_us=3000 hold_us=1500 jitter_us=500"
seed_hold="period_us=6000000 hold_us=5000000 seed=5"
stall=rcupdate.rcu_cpu_stall_timeout=3
stall_re="rcu: INFO: .*(detected stalls|self-detected stall)"
# Detectors of the test kernel made quick enough for a report's self-test.
hung_quick="sysctl.kernel.hung_task_timeout_secs=2 sysctl.kernel.hung_task_check_interval_secs=1"

row monitor-unit host cmd make -s -C "$TOP/monitor" O="$BUILD/monitor" test
row monitor-unit-sanitize host cmd make -s -C "$TOP/monitor" O="$BUILD/monitor-san" test SANITIZE=1
row monitor-unit-valgrind host cmd make -s -C "$TOP/monitor" O="$BUILD/monitor" test VALGRIND=1
row monitor-smoke host cmd make -s -C "$TOP/monitor" O="$BUILD/monitor" smoke
row series-roundtrip host cmd "$H/series-roundtrip.sh"
row series-keeps-work host cmd "$H/series-keeps-work.sh"
row series-checkpatch host cmd "$H/series-checkpatch.sh"
row series-bisect host cmd "$H/series-bisect.sh"
row series-configs host cmd "$H/series-configs.sh"
row dt-validate host cmd "$H/dt-validate.sh"
row guest-boot guest qemu --timeout 120 "$G/boot"
row guest-hotplug guest qemu --timeout 120 "$G/hotplug"
row guest-scm-calls guest qemu --timeout 300 "$G/scm-calls"
row guest-smc32 guest qemu --timeout 300 --scenario 'smc64=0' \
	--expect 'qcom_scm: convention: smc arm 32' "$G/scm-calls"
row guest-kunit guest kunit --append kunit.enable=1 "$G/kunit"
row guest-waitq-k1 guest qemu --timeout 300 --scenario "$load seed=1 k=1" "$G/waitq"
row guest-waitq-k4 guest qemu --timeout 300 --scenario "$load seed=2 k=4" "$G/waitq"
row guest-waitq-interrupted guest qemu --timeout 300 \
	--scenario "$load seed=9 k=4 interrupt_random=1" "$G/waitq"
row guest-waitq-no-get-info guest qemu --timeout 300 --scenario "$load seed=7 get_info=0" \
	--expect-6.1 'wait-queue aware: 1 wait queue\(s\) assumed' "$G/waitq"
# No interrupt in the device tree: the payload's wake interrupts can only
# be the one GET_INFO names.
row guest-waitq-irq-from-get-info guest qemu --timeout 300 --no-wake-irq \
	--scenario "$load seed=8 k=4" \
	--expect-6.1 'wait-queue aware: 4 wait queue\(s\), interrupt [0-9]' "$G/waitq"
row guest-waitq-no-irq guest qemu --timeout 300 --no-wake-irq \
	--scenario "$load seed=6 get_info=0" "$G/waitq-poll"
row guest-waitq-bad-irq guest qemu --timeout 300 --no-wake-irq \
	--scenario "$load seed=6 wake_intid=1000" \
	--expect 'cannot (map|request) wake interrupt' "$G/waitq-poll"
row guest-waitq-parked guest qemu --timeout 300 --scenario 'k=4' "$G/waitq-parked"
row guest-waitq-parallel guest qemu --timeout 120 --scenario 'k=4' "$G/waitq-parallel"
row guest-kselftest-k1 guest qemu --timeout 600 --scenario 'k=1' "$G/kselftest"
row guest-kselftest-k4 guest qemu --timeout 600 --scenario 'k=4' "$G/kselftest"
# The mock's other wait-queue model (a context per resource, the default
# is a context per parked call), its quirks, and a boot with its control
# calls off (probe and rmtfs' ASSIGN may depend on none of them).
row guest-waitq-k1-resource guest qemu --timeout 300 \
	--scenario "$load seed=1 k=1 wq_model=resource" "$G/waitq"
row guest-waitq-k4-resource guest qemu --timeout 300 \
	--scenario "$load seed=2 k=4 wq_model=resource" "$G/waitq"
row guest-kselftest-k4-resource guest qemu --timeout 600 \
	--scenario 'k=4 wq_model=resource' "$G/kselftest"
row guest-waitq-avail-quirk guest qemu --timeout 300 \
	--scenario "$load seed=2 k=4 avail_waitq=0" "$G/waitq"
row guest-boot-no-mock-ctl guest qemu --timeout 120 --scenario 'mock_ctl=0' "$G/boot"
row guest-legacy-spin guest qemu --timeout 300 --scenario "mode=spin $load seed=3" "$G/legacy"
row guest-legacy-busy guest qemu --timeout 300 --scenario "mode=busy $load seed=4" "$G/legacy"
row guest-unpatched-legacy-spin guest qemu --unpatched --timeout 300 \
	--scenario "mode=spin $load seed=3" "$G/legacy"
row guest-unpatched-legacy-busy guest qemu --unpatched --timeout 300 \
	--scenario "mode=busy $load seed=4" "$G/legacy"
row guest-seed-unpatched-stalls guest qemu --unpatched --timeout 300 \
	--scenario "mode=spin $seed_hold" --append "$stall" \
	--allow "$stall_re" --expect "$stall_re" "$G/contention"
row guest-seed-waitq-no-stall guest qemu --timeout 300 \
	--scenario "mode=waitq $seed_hold" --append "$stall" "$G/contention"
# The debug kernel (KASAN, kmemleak, lockdep, UBSAN, debug objects): a
# subset of the guest tests, with zero reports.
row debug-boot debug qemu --debug-kernel --timeout 300 "$G/boot"
row debug-kunit debug kunit --debug-kernel --timeout 300 --append kunit.enable=1 "$G/kunit"
row debug-waitq-k4 debug-long qemu --debug-kernel --timeout 600 \
	--scenario "$load seed=2 k=4" "$G/waitq"
row debug-kselftest-k4 debug-long qemu --debug-kernel --timeout 900 --scenario 'k=4' "$G/kselftest"
row runner-user-module harness cmd "$H/user-module.sh"
# The runner's self-tests: each must make scripts/run-qemu.sh fail with
# exactly its reason (runner-reports.sh says how that is checked).
row runner-reports-failed-payload harness cmd "$reports" reset fail
row runner-reports-hang harness cmd "$reports" timeout hang --timeout 12
row runner-reports-init-never-reported harness cmd "$reports" init poweroff
row runner-reports-panic harness cmd "$reports" \
	--detail 'report_trigger: panic on request' 'kernel panic' trigger=panic
row runner-reports-oops harness cmd "$reports" \
	--detail 'NULL pointer dereference' oops trigger=oops
row runner-reports-bug harness cmd "$reports" --detail 'report_trigger\.c' BUG trigger=bug
row runner-reports-warn harness cmd "$reports" --detail 'report_trigger_warn\+' WARN trigger=warn
row runner-reports-allowed-then-other harness cmd "$reports" \
	--detail 'report_trigger_warn\+' WARN trigger=allowed_warn,warn \
	--allow 'report_trigger_allowed_warn\+'
# The CPU is held 12 s: longer than the stall timeout even where lockdep
# (PROVE_RCU) adds 5 s to it; 2.5 s for an expedited one.
row runner-reports-rcu-stall harness cmd "$reports" 'RCU stall' trigger=rcu_stall:12 \
	--append "$stall"
row runner-reports-rcu-expedited-stall harness cmd "$reports" 'RCU expedited stall' \
	trigger=rcu_exp_stall --append rcupdate.rcu_exp_cpu_stall_timeout=2000
row runner-reports-soft-lockup harness cmd "$reports" --detail '\[insmod:' 'soft lockup' \
	trigger=soft_lockup --append watchdog_thresh=1
row runner-reports-hung-task harness cmd "$reports" --detail 'task insmod:' 'hung task' \
	trigger=hung_task --append "$hung_quick"
row runner-reports-lockdep harness cmd "$reports" --detail 'circular locking' lockdep \
	trigger=lockdep --debug-kernel
row runner-reports-kasan harness cmd "$reports" --detail 'report_trigger_kasan\+' KASAN \
	trigger=kasan --debug-kernel
row runner-reports-ubsan harness cmd "$reports" --detail 'report_trigger\.c' UBSAN \
	trigger=ubsan --debug-kernel
row runner-reports-kmemleak harness cmd "$reports" kmemleak trigger=kmemleak --debug-kernel
# A scenario word the monitor could not apply (a misspelt key) fails the
# boot, naming the word.
row runner-reports-scenario-ignored harness cmd "$reports" --detail '^ignored words: wake_intd=43$' \
	scenario pass --scenario 'k=4 wake_intd=43'
# Fuzzing: the mock's random answers (busy, SLEEP woken at once, or the
# call run) with 20 seeds, reseeded at run time in one boot; make fuzz
# runs more. A woken call is reclaimed after 10 s, not 1 s, so that a
# host too busy to run the guest for a second is not taken for a kernel
# that never resumed (tests/fuzz.sh).
row guest-fuzz guest qemu --timeout 400 \
	--scenario "faults=random fault_every=1 $load abandon_us=10000000 seed=1 k=4" \
	--append "fuzz.seeds=20 fuzz.iterations=10" "$G/fuzz"
# The same with wait queues shared by the calls parked on a resource, and
# WAKE_ALL: a SLEEP whose wake comes at once races the driver's count of
# the sleepers its WAKE_ALL must release (a call skipped never returns; a
# wake kept for no sleeper lets a later call RESUME before its wake).
row guest-fuzz-wake-all-resource guest qemu --timeout 400 \
	--scenario "faults=random fault_every=1 $load abandon_us=10000000 seed=1 k=4 wq_model=resource wake=all" \
	--append "fuzz.seeds=20 fuzz.iterations=10" "$G/fuzz"
# Tests of the tests: each case runs a guest payload under a mock fault
# or setting that breaks what some of its checks assert, and requires
# exactly those checks (their numbers, "N?": maybe) to fail, the boot
# failing for that alone (tests/harness/catches.sh).
catches=$H/catches.sh
# Case 2: on busy firmware a call may end -EBUSY after the driver's 21
# tries 30 ms apart when the host starves the guest (seen under load: one
# PAS call in 600), so checks 3 and 10 may fail there. Case 3: the
# driver's trace keeps no RESUME (the filter passes only those check 7
# forbids); the count check must notice, however many calls firmware
# parked.
resume_filter=/sys/kernel/tracing/events/qcom_scm/qcom_scm_waitq_resume/filter
row catches-checks harness cmd "$catches" catches-checks --timeout 600 \
	--scenario "$load seed=2 k=4" -- \
	"$G/waitq" "ITER=100 faults=bad-token -> 3,5?,8,10,12?,15" \
	"$G/waitq" "ITER=50 mode=busy -> 4,7,11,14,3?,10?" \
	"$G/waitq" "ITER=100 $resume_filter=woken==0 -> 6,13" \
	"$G/waitq" "ITER=100 faults=sticky-more -> 8,7?,14?,15?" \
	"$G/waitq" "ITER=100 faults=wq-unknown -> 16" \
	"$G/waitq-poll" "-> 4,5" \
	"$G/scm-calls" "smc64=0 -> 6,8,9,10,11,13" \
	"$G/fuzz" "faults=0 -> 3" \
	"$G/fuzz" "faults=random,bad-token -> 2,5,4?,6?" \
	"$G/fuzz" "faults=random,bad-token abandon_us=0 -> 2?,4,6"
row catches-checks-no-irq harness cmd "$catches" catches-checks-no-irq --timeout 300 \
	--no-wake-irq --scenario "$load seed=6 get_info=0" -- \
	"$G/waitq" "ITER=100 -> 7,14"
# The benchmark, one repetition of short steps: it must run, every answer
# be right and every figure be computed; its values decide nothing
# (bench/bench.sh --smoke, make bench for the figures).
row bench-smoke harness cmd "$TOP/bench/bench.sh" --smoke

# ---- Upstream as a peer (group peer; tests/check.sh peer) ----
# The scenarios of tests/peer/scenarios.sh on upstream's own wait-queue
# implementation, unpatched Linux 6.12 plus the test module (make peer).
# Where upstream blocks by design (a lost wake interrupt, none at all,
# WAKE_ALL) the row expects that hang, detected by a 10 s hung-task
# panic, and fails on anything else; tests/peer/run.sh says how. make
# compare puts the same scenarios on our series beside them.
scenario() {
	local name=$1
	shift
	row "peer-$name" peer cmd "$TOP/tests/peer/run.sh" "$name" upstream-6.12 "$@"
}
. "$TOP/tests/peer/scenarios.sh"

# inputs NAME ARGS...: what the result of a cacheable test (name, row
# arguments) depends on, printed; nothing for a test that always runs.
inputs() {
	local script test=$1
	# A further line's row is its 6.1 row's test with that line's inputs.
	[ "$LINE" = 6.1 ] || test=${test%-"$LINE"}
	case $test in
	series-roundtrip | series-checkpatch | series-bisect | series-configs | dt-validate) ;;
	guest-* | debug-* | runner-reports-* | catches-*) boot_inputs "$@"; return 0 ;;
	bench-*)
		# Both kernels boot, with the bench's own payload and module.
		boot_inputs "$@"
		boot_inputs "$@" --unpatched
		(cd "$TOP" && find bench -type f | sort | xargs sha256sum)
		return 0
		;;
	*) return 0 ;;
	esac
	script=$TOP/tests/harness/$test.sh
	# The kernel tree exactly as it is, and where it started.
	git -C "$KSRC" rev-parse "$BASE_TAG" "HEAD^{tree}"
	git -C "$KSRC" status --porcelain --untracked-files=no
	(cd "$TOP" && sha256sum "${PATCHES#$TOP/}"/* scripts/lib.sh scripts/series.sh \
		kernel/configs/*.config "kernel/lines/$LINE.conf" "$script" \
		dts/* scripts/mkdtb.sh)
	sha256sum "$KOUT/.config"
	"${CROSS_COMPILE}gcc" --version | sed -n 1p
	dpkg-query -W -f '${Package} ${Version}\n' git sparse dt-schema yamllint \
		device-tree-compiler 2>/dev/null
	echo "$1"
}

# boot_inputs NAME ARGS...: everything a boot's result depends on: the
# row, the kernel it boots (Image, configuration, modules) and what goes
# into the initramfs with it, the monitor, the device tree, the runner
# and its self-test's module and payloads, QEMU.
boot_inputs() {
	local kout=$KOUT a
	case " $* " in
	*" --debug-kernel "*) kout=$DEBUG_KOUT ;;
	*" --unpatched "*) kout=$UNPATCHED/kernel ;;
	esac
	printf '%s\n' "$@"
	{
		(cd "$TOP" && find scripts rootfs dts tests/harness/runner-reports.sh \
			tests/harness/reports-module tests/harness/payloads \
			tests/harness/catches.sh tests/harness/catches-run.sh -type f)
		for a in "${@:2}"; do [ ! -d "$a" ] || find "$a" -type f; done
		echo "$kout/arch/arm64/boot/Image" "$kout/.config" "$BUILD/monitor/monitor.bin"
		find "$kout" "$(dirname "$kout")"/{mockctl,kselftest} -name '*.ko' -o -name scm_waitq_test
		ls "$BUILD"/debs/busybox-static_*_arm64.deb
	} 2>/dev/null | sort | (cd "$TOP" && xargs sha256sum 2>&1)
	qemu-system-aarch64 --version | sed -n 1p
}

cache=$BUILD/check-cache
mkdir -p "$cache"

# cached NAME KEY: a pass of NAME under KEY is on record.
cached() {
	[ "${CHECK_CACHE:-1}" != 0 ] && [ -n "$2" ] &&
		[ -f "$cache/$1.key" ] && [ "$(cat "$cache/$1.key")" = "$2" ]
}

# dtschema_short TREE: say so and succeed if this host's dtschema is older
# than the one TREE's device tree checks require.
dtschema_short() {
	local min have
	min=$(sed -n 's/^DT_SCHEMA_MIN_VERSION = //p' "$1/Documentation/devicetree/bindings/Makefile")
	have=$(dt-doc-validate --version 2>/dev/null || echo 0)
	[ -n "$min" ] && ! printf '%s\n%s\n' "$min" "$have" | sort -Vc 2>/dev/null || return 1
	echo "the device tree checks of this tree need dtschema $min, the host has $have"
}

# skip_reason ARGS...: why a row with these arguments cannot run here, or
# nothing.
skip_reason() {
	[ "$LINE" = 6.1 ] || [ -f "$KOUT/arch/arm64/boot/Image" ] ||
		{ echo "the $LINE kernel is not built (make build LINE=$LINE)"; return; }
	# The device tree checks need the dtschema the line's tree asks for
	# (6.12: 2023.9; Debian 12 has 2022.08).
	case " $* " in *"/dt-validate.sh "*) dtschema_short "$KSRC" && return ;; esac
	case " $* " in *" --debug-kernel "*)
		[ -f "$DEBUG_KOUT/arch/arm64/boot/Image" ] ||
			echo "the debug kernel is not built (make debug-kernel)" ;;
	esac
}

# nested CONSOLE: the payload's output in a boot's console (what init ran
# prints between its own "qemu-test:" lines, kernel lines left out) as a
# nested KTAP block: KTAP lines as they are, anything else as a
# diagnostic, all indented by four spaces.
nested() {
	[ -f "$1" ] || return 0
	tr -d '\r' < "$1" |
		awk '/^qemu-test: init on / { on = 1; next }
		     /^qemu-test: payload exit status / { exit }
		     on && NF && !/^\[ *[0-9]+\.[0-9]+\] /' |
		sed -E '/^ *((K?TAP version [0-9]+|[0-9]+\.\.[0-9]+|(not )?ok [0-9]+|#)( |$)|$)/!s/^/# /
			s/^/    /'
}

# kunit_parse CONSOLE: the kernel's KUnit results in a boot's console
# through the kernel's own parser; fails unless every test passed.
kunit_parse() {
	tr -d '\r' < "$1" | grep -aoE '\[ *[0-9]+\.[0-9]+\] .*' |
		PYTHONDONTWRITEBYTECODE=1 python3 "$KSRC/tools/testing/kunit/kunit.py" parse
}

# The lines the rows run on, and each row's line: the rows above are 6.1's;
# each further line repeats those that depend on the kernel line.
LINES=${LINES:-6.1}
declare -A row_line
for ((i = 1; i <= n; i++)); do row_line[$i]=6.1; done
rows=$n
for l in $LINES; do
	[ "$l" != 6.1 ] || continue
	[ -f "$TOP/kernel/lines/$l.conf" ] || die "LINES: no kernel line $l"
	for ((i = 1; i <= rows; i++)); do
		declare -n r=row_$i
		case ${r[0]} in
		series-roundtrip | series-checkpatch | series-bisect | series-configs | \
		dt-validate | guest-* | debug-*)
			row "${r[0]}-$l" "${r[@]:1}"
			row_line[$n]=$l ;;
		esac
	done
done
unset -n r

# use_line LINE: the settings of scripts/lib.sh (tree, series, builds) for
# that kernel line.
use_line() {
	[ "$1" != "$LINE" ] || return 0
	LINE=$1
	unset KSRC KOUT DEBUG_KOUT PATCHES
	. "$TOP/scripts/lib.sh"
}

# The tests the groups or names select.
groups=" ${*:-host guest debug harness} "
selected=()
for ((i = 1; i <= n; i++)); do
	declare -n r=row_$i
	case "$groups" in *" ${r[1]} "* | *" ${r[0]} "*) selected+=("$i") ;; esac
done
unset -n r

logs=$BUILD/logs
mkdir -p "$logs"
passed=0 failed=0 skipped=0 from_cache=0 failures=()

# Each line's base tree's origin, which Debian release the tests ran on.
echo "KTAP version 1"
echo "1..${#selected[@]}"
for l in $LINES; do
	use_line "$l"
	base=$(git -C "$KSRC" describe --tags --match 'v*' "$BASE_TAG" 2>/dev/null || echo none)
	debver=$(git -C "$KSRC" config --get project.debversion 2>/dev/null || echo unknown)
	echo "# tests/check.sh${groups% }: Linux base $base (Debian linux-source-$l $debver)"
done
k=0
for i in "${selected[@]}"; do
	declare -n r=row_$i
	name=${r[0]} runner=${r[2]}
	args=()
	set -- "${r[@]:3}"
	unset -n r
	use_line "${row_line[$i]}"
	while [ $# -gt 0 ]; do
		case $1 in
		--expect-"$LINE") args+=(--expect "$2"); shift 2 ;;
		--expect-[0-9]*) shift 2 ;;
		*) args+=("$1"); shift ;;
		esac
	done
	k=$((k + 1))
	log=$logs/$name.log
	start=$(date +%s)

	why=$(skip_reason "${args[@]}")
	if [ -n "$why" ]; then
		skipped=$((skipped + 1))
		echo "skipped: $why" > "$log"
		echo "ok $k $name # SKIP $why"
		continue
	fi

	key=$(inputs "$name" "${args[@]}")
	[ -z "$key" ] || key=$(sha256sum <<<"$key" | cut -d' ' -f1)
	if cached "$name" "$key"; then
		passed=$((passed + 1)) from_cache=$((from_cache + 1))
		when=$(date -r "$cache/$name.key" '+%F %T')
		{ echo "inputs unchanged since the pass of $when;" \
			"its log follows (CHECK_CACHE=0 to run it again)"
		  cat "$cache/$name.log"; } > "$log"
		echo "ok $k $name # cached: passed $when, inputs unchanged"
		continue
	fi
	rm -f "$cache/$name.key"

	run=${name#guest-}
	console=
	case "$runner" in
	cmd) "${args[@]}" > "$log" 2>&1 ;;
	qemu | kunit)
		console=$BUILD/runs/$run/console.log
		"$TOP/scripts/run-qemu.sh" --quiet --name "$run" "${args[@]}" > "$log" 2>&1 &&
		if [ "$runner" = kunit ]; then
			echo "--- kunit.py parse ---" >> "$log"
			kunit_parse "$console" >> "$log" 2>&1
		fi ;;
	*) echo "unknown runner $runner" > "$log"; false ;;
	esac
	status=$?
	secs=$(($(date +%s) - start))
	[ -z "$console" ] || nested "$console"
	[ "$runner" != kunit ] || grep -E '^\[[0-9:]+\] Testing complete' "$log" |
		sed 's/^\[[0-9:]*\] /    # kunit.py parse: /'
	if [ "$status" = 0 ]; then
		passed=$((passed + 1))
		echo "ok $k $name # ${secs}s"
		if [ -n "$key" ]; then
			cp "$log" "$cache/$name.log"
			echo "$key" > "$cache/$name.key"
		fi
	else
		failed=$((failed + 1))
		failures+=("$name")
		echo "# $name: build/logs/$name.log ends:"
		tail -n 15 "$log" | sed 's/^/# | /'
		echo "not ok $k $name # ${secs}s"
	fi
done

[ "$failed" = 0 ] || echo "# failed: ${failures[*]}"
[ "$skipped" = 0 ] || echo "# skipped: $skipped"
[ "$from_cache" = 0 ] || echo "# passes from the cache: $from_cache"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
