#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make compare: every scenario of tests/peer/scenarios.sh on upstream's
# implementation (unpatched 6.12), our 6.12 series and our 6.1 series,
# side by side, with the evidence line of every hang and failure.
#   compare.sh [NAME...]   only these scenarios (default: all)
# Each cell is one boot through tests/peer/run.sh, whose recorded verdict
# (build/compare/) is reused while its inputs are unchanged (so a
# "tests/check.sh peer" run before fills the upstream column);
# CHECK_CACHE=0 boots them all again. A kernel that is not built is
# "not built". The table is also kept in build/compare/report.md. Exits
# non-zero if any cell is a failure.
set -uo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

kernels=(upstream-6.12 ours-6.12 ours-6.1)
names=() expects=() argv=()
scenario() {
	local name=$1 expect=$2
	shift 2
	names+=("$name") expects+=("$expect")
	argv+=("$(printf '%q ' "$@")")
}
. "$TOP/tests/peer/scenarios.sh"

wanted=" $* "
report=$BUILD/compare/report.md
mkdir -p "$BUILD/compare"
evidence=() failed=0
{
	echo "| scenario | upstream 6.12 | ours on 6.12 | ours on 6.1 |"
	echo "|---|---|---|---|"
} > "$report.tmp"
for i in "${!names[@]}"; do
	name=${names[$i]}
	[ "$wanted" = "  " ] || case "$wanted" in *" $name "*) ;; *) continue ;; esac
	eval "args=(${argv[$i]})"
	cells=()
	for kernel in "${kernels[@]}"; do
		expect=pass
		[ "$kernel" != upstream-6.12 ] || expect=${expects[$i]}
		dir=$BUILD/compare/$name
		# run.sh --key: whether the recorded verdict still holds.
		if [ "${CHECK_CACHE:-1}" = 0 ] || ! "$TOP/tests/peer/run.sh" --key "$name" "$kernel" \
			"$expect" "${args[@]}" > /dev/null 2>&1; then
			msg "compare: $name on $kernel"
			"$TOP/tests/peer/run.sh" "$name" "$kernel" "$expect" "${args[@]}" \
				> "$BUILD/logs/612-peer-$name-$kernel.log" 2>&1
		fi
		v=$(cat "$dir/$kernel.verdict" 2>/dev/null ||
			tail -n 1 "$BUILD/logs/612-peer-$name-$kernel.log")
		secs=$(cat "$dir/$kernel.secs" 2>/dev/null || echo "?")
		case "$v" in
		"peer: pass") cells+=("pass (${secs}s)") ;;
		"peer: hang, as expected: "*)
			cells+=("hangs, as expected (${secs}s)")
			evidence+=("$name, $kernel: ${v#peer: hang, as expected: }") ;;
		"peer: fails, as expected: "*)
			cells+=("fails ${expects[$i]#fail:}, as expected (${secs}s)")
			evidence+=("$name, $kernel: ${v#peer: fails, as expected: }") ;;
		"peer: not built: "*) cells+=("not built") ;;
		*)
			cells+=("FAIL (${secs}s)") failed=1
			evidence+=("$name, $kernel: ${v#peer: FAIL: }") ;;
		esac
	done
	label=$name
	case ${expects[$i]} in
	hang) label="$name (upstream: hang by design)" ;;
	fail:*) label="$name (upstream: check ${expects[$i]#fail:} fails by design)" ;;
	esac
	echo "| $label | ${cells[0]} | ${cells[1]} | ${cells[2]} |" >> "$report.tmp"
done
{
	echo
	echo "Evidence:"
	if [ "${#evidence[@]}" = 0 ]; then
		echo "(none)"
	else
		printf -- '- %s\n' "${evidence[@]}"
	fi
} >> "$report.tmp"
mv "$report.tmp" "$report"
cat "$report"
[ "$failed" = 0 ]
