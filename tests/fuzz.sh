#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Long fuzzing runs (make fuzz SEEDS=N): the guest payload tests/guest/fuzz
# on the mock's random answers, under contention, N seeds in all.
#
#   tests/fuzz.sh [SEEDS [FIRST]]
#
# SEEDS (default 100) seeds from FIRST on (default: one picked from the
# clock, printed, so that a run can be repeated), at most 50 per boot,
# each a run of the test module with the PRNG reseeded and a clean run
# after it (tests/guest/fuzz/run says what is checked). ITERATIONS (in
# the environment, default 20) rounds per run, K (default 4) wait-queue
# contexts. Each boot's files are in build/runs/fuzz-FIRST; the last
# lines name the seeds that failed and the outcomes seen; the exit
# status is non-zero if any boot failed.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"

seeds=${1:-100}
first=${2:-$(($(date +%s) % 1000000))}
iterations=${ITERATIONS:-20}
k=${K:-4}
per_boot=50
# The contention of the guest tests; a woken call is reclaimed after 10 s,
# not 1 s, so that a host too busy to run the guest for a second is not
# taken for a kernel that never resumed (a call left parked still shows).
scenario="faults=random fault_every=1 period_us=3000 hold_us=1500 jitter_us=500"
scenario+=" abandon_us=10000000 k=$k"

msg "fuzzing $seeds seed(s) from $first, $iterations iterations, K = $k"
failed=() outcomes=() status=0
for ((s = first; s < first + seeds; s += per_boot)); do
	n=$((first + seeds - s < per_boot ? first + seeds - s : per_boot))
	name=fuzz-$s
	if ! "$TOP/scripts/run-qemu.sh" --quiet --name "$name" --timeout $((120 + n * iterations)) \
		--scenario "$scenario seed=$s" \
		--append "fuzz.seeds=$n fuzz.iterations=$iterations" "$TOP/tests/guest/fuzz"; then
		status=1
	fi
	console=$BUILD/runs/$name/console.log
	failed+=($(tr -d '\r' < "$console" | sed -n 's/^not ok [0-9]* seed \([0-9]*\):.*/\1/p' | sort -un))
	outcomes+=($(tr -d '\r' < "$console" | sed -n 's/^# distinct outcomes over [0-9]* seed(s): //p'))
done
echo "fuzz: seeds $first..$((first + seeds - 1)), failed: ${failed[*]:-none}"
echo "fuzz: distinct outcomes: $(printf '%s\n' "${outcomes[@]}" | sort -u | tr '\n' ' ')"
exit $status
