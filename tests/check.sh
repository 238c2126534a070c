#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run test groups and print one line per test and the closing count.
#   tests/check.sh [GROUP...]   groups: host, guest, harness (default: all)
# Each test's full output is kept in build/logs/NAME.log; a failing test
# also shows its last lines here. Expects the builds done (make does them).
set -uo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

run_qemu="$TOP/scripts/run-qemu.sh --quiet"
reports="$TOP/tests/harness/runner-reports.sh"

# name|group|command
TESTS="
monitor-unit|host|make -s -C $TOP/monitor O=$BUILD/monitor test
monitor-smoke|host|make -s -C $TOP/monitor O=$BUILD/monitor smoke
series-roundtrip|host|$TOP/tests/harness/series-roundtrip.sh
series-checkpatch|host|$TOP/tests/harness/series-checkpatch.sh
dt-validate|host|$TOP/tests/harness/dt-validate.sh
guest-boot|guest|$run_qemu --timeout 120 $TOP/tests/guest/boot
guest-hotplug|guest|$run_qemu --timeout 120 $TOP/tests/guest/hotplug
guest-scm-calls|guest|$run_qemu --timeout 300 $TOP/tests/guest/scm-calls
runner-user-module|harness|$TOP/tests/harness/user-module.sh
runner-reports-failed-payload|harness|$reports fail 'guest requested a reset'
runner-reports-kernel-panic|harness|$reports panic 'kernel panic'
runner-reports-hang|harness|$reports hang 'timeout' --timeout 25
"

groups=" ${*:-host guest harness} "
logs=$BUILD/logs
mkdir -p "$logs"
passed=0 failed=0 failures=()

while IFS='|' read -r name group cmd; do
	[ -n "$name" ] || continue
	case "$groups" in *" $group "*) ;; *) continue ;; esac
	start=$(date +%s)
	if bash -c "$cmd" > "$logs/$name.log" 2>&1; then
		passed=$((passed + 1))
		printf 'PASS  %-34s %4ss\n' "$name" $(($(date +%s) - start))
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
