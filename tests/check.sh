#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run test groups and print one line per test and the closing count.
#   tests/check.sh [GROUP...]   groups: host, guest, harness (default: all)
# Each test's full output is kept in build/logs/NAME.log; a failing test
# also shows its last lines here. Expects the builds done (make does them).
#
# The series' host checks (round trip, checkpatch, bisect, configurations)
# take minutes and depend on nothing but the kernel tree, the patches, the
# configuration, the tools and their own scripts. A pass is remembered
# under a hash of all of those (build/check-cache/) and stands until one
# of them changes; CHECK_CACHE=0 runs them regardless. A fresh clone has
# no cache, so CI always runs them.
set -uo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

run_qemu="$TOP/scripts/run-qemu.sh --quiet"
reports="$TOP/tests/harness/runner-reports.sh"

# Contention by the mock's second VM: every 3 ms (+-0.5) it holds a
# resource for 1.5 ms; for the seed's scenario, every 6 s for 5 s, with
# RCU's stall timeout lowered to 3 s so that a stalled core is reported.
load="period_us=3000 hold_us=1500 jitter_us=500"
seed_hold="period_us=6000000 hold_us=5000000 seed=5"
stall="rcupdate.rcu_cpu_stall_timeout=3"
stall_re="rcu: INFO: .*(detected stalls|self-detected stall)"

# name|group|command
TESTS="
monitor-unit|host|make -s -C $TOP/monitor O=$BUILD/monitor test
monitor-smoke|host|make -s -C $TOP/monitor O=$BUILD/monitor smoke
series-roundtrip|host|$TOP/tests/harness/series-roundtrip.sh
series-checkpatch|host|$TOP/tests/harness/series-checkpatch.sh
series-bisect|host|$TOP/tests/harness/series-bisect.sh
series-configs|host|$TOP/tests/harness/series-configs.sh
dt-validate|host|$TOP/tests/harness/dt-validate.sh
guest-boot|guest|$run_qemu --timeout 120 $TOP/tests/guest/boot
guest-hotplug|guest|$run_qemu --timeout 120 $TOP/tests/guest/hotplug
guest-scm-calls|guest|$run_qemu --timeout 300 $TOP/tests/guest/scm-calls
guest-smc32|guest|$run_qemu --timeout 300 --name smc32 --scenario 'smc64=0' --expect 'qcom_scm: convention: smc arm 32' $TOP/tests/guest/scm-calls
guest-kunit|guest|$run_qemu --append kunit.enable=1 $TOP/tests/guest/kunit
guest-waitq-k1|guest|$run_qemu --timeout 300 --name waitq-k1 --scenario '$load seed=1 k=1' $TOP/tests/guest/waitq
guest-waitq-k4|guest|$run_qemu --timeout 300 --name waitq-k4 --scenario '$load seed=2 k=4' $TOP/tests/guest/waitq
guest-waitq-interrupted|guest|$run_qemu --timeout 300 --name waitq-interrupted --scenario '$load seed=9 k=4 interrupt_random=1' $TOP/tests/guest/waitq
guest-waitq-no-get-info|guest|$run_qemu --timeout 300 --name waitq-no-get-info --scenario '$load seed=7 get_info=0' --expect 'wait-queue aware: 1 wait queue\(s\) assumed' $TOP/tests/guest/waitq
guest-waitq-no-irq|guest|$run_qemu --timeout 300 --name waitq-no-irq --no-wake-irq --scenario '$load seed=6' $TOP/tests/guest/waitq-poll
guest-kselftest-k1|guest|$run_qemu --timeout 600 --name kselftest-k1 --scenario 'k=1' $TOP/tests/guest/kselftest
guest-kselftest-k4|guest|$run_qemu --timeout 600 --name kselftest-k4 --scenario 'k=4' $TOP/tests/guest/kselftest
guest-legacy-spin|guest|$run_qemu --timeout 300 --name legacy-spin --scenario 'mode=spin $load seed=3' $TOP/tests/guest/legacy
guest-legacy-busy|guest|$run_qemu --timeout 300 --name legacy-busy --scenario 'mode=busy $load seed=4' $TOP/tests/guest/legacy
guest-unpatched-legacy-spin|guest|$run_qemu --unpatched --timeout 300 --name unpatched-spin --scenario 'mode=spin $load seed=3' $TOP/tests/guest/legacy
guest-unpatched-legacy-busy|guest|$run_qemu --unpatched --timeout 300 --name unpatched-busy --scenario 'mode=busy $load seed=4' $TOP/tests/guest/legacy
guest-seed-unpatched-stalls|guest|$run_qemu --unpatched --timeout 300 --name seed-unpatched --scenario 'mode=spin $seed_hold' --append $stall --allow '$stall_re' --expect '$stall_re' $TOP/tests/guest/contention
guest-seed-waitq-no-stall|guest|$run_qemu --timeout 300 --name seed-waitq --scenario 'mode=waitq $seed_hold' --append $stall $TOP/tests/guest/contention
runner-user-module|harness|$TOP/tests/harness/user-module.sh
runner-reports-failed-payload|harness|$reports fail 'guest requested a reset'
runner-reports-kernel-panic|harness|$reports panic 'kernel panic'
runner-reports-hang|harness|$reports hang 'timeout' --timeout 12
"

# inputs NAME: what the result of a cacheable test depends on, printed;
# nothing for a test that always runs.
inputs() {
	local script
	case $1 in
	series-roundtrip | series-checkpatch | series-bisect | series-configs) ;;
	*) return 0 ;;
	esac
	script=$TOP/tests/harness/$1.sh
	# The kernel tree exactly as it is, and where it started.
	git -C "$KSRC" rev-parse "$BASE_TAG" "HEAD^{tree}"
	git -C "$KSRC" status --porcelain --untracked-files=no
	(cd "$TOP" && sha256sum patches/* scripts/lib.sh scripts/series.sh \
		kernel/configs/* kernel/base.conf "$script")
	sha256sum "$KOUT/.config"
	"${CROSS_COMPILE}gcc" --version | sed -n 1p
	dpkg-query -W -f '${Package} ${Version}\n' git sparse dt-schema 2>/dev/null
	echo "$1"
}

cache=$BUILD/check-cache
mkdir -p "$cache"

# cached NAME KEY: a pass of NAME under KEY is on record.
cached() {
	[ "${CHECK_CACHE:-1}" != 0 ] && [ -n "$2" ] &&
		[ -f "$cache/$1.key" ] && [ "$(cat "$cache/$1.key")" = "$2" ]
}

groups=" ${*:-host guest harness} "
logs=$BUILD/logs
mkdir -p "$logs"
passed=0 failed=0 failures=()

while IFS='|' read -r name group cmd; do
	[ -n "$name" ] || continue
	case "$groups" in *" $group "*) ;; *) continue ;; esac
	start=$(date +%s)
	key=$(inputs "$name")
	[ -z "$key" ] || key=$(sha256sum <<<"$key" | cut -d' ' -f1)
	if cached "$name" "$key"; then
		passed=$((passed + 1))
		{ echo "inputs unchanged since the pass of $(date -r "$cache/$name.key" '+%F %T');" \
			"its log follows (CHECK_CACHE=0 to run it again)"
		  cat "$cache/$name.log"; } > "$logs/$name.log"
		printf 'PASS  %-34s %4ss  (inputs unchanged since its last pass)\n' "$name" 0
		continue
	fi
	rm -f "$cache/$name.key"
	if bash -c "$cmd" > "$logs/$name.log" 2>&1; then
		passed=$((passed + 1))
		printf 'PASS  %-34s %4ss\n' "$name" $(($(date +%s) - start))
		if [ -n "$key" ]; then
			cp "$logs/$name.log" "$cache/$name.log"
			echo "$key" > "$cache/$name.key"
		fi
	else
		failed=$((failed + 1))
		failures+=("$name")
		printf 'FAIL  %-34s %4ss  (build/logs/%s.log)\n' "$name" \
			$(($(date +%s) - start)) "$name"
		tail -n 15 "$logs/$name.log" | sed 's/^/      | /'
	fi
done <<< "$TESTS"

echo
[ "$failed" = 0 ] || echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
