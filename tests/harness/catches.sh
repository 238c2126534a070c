#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Tests of the tests: a guest payload's check must fail when what it
# checks is broken. Boot once and run each case, a payload of tests/guest/
# under a mock fault or setting that breaks what some of its checks
# assert, and require exactly those checks to fail.
#
#   catches.sh NAME [run-qemu options...] -- PAYLOAD CASE [PAYLOAD CASE...]
#
# PAYLOAD is a payload directory (tests/guest/...), CASE "WORD... ->
# N[,N...]": the payload run with the settings WORD (key=value: a mock scenario key set at run
# time; VAR=value: the payload's environment; /path=value: a file
# written; tests/harness/catches-run.sh runs them) must end with status
# non-zero, print its whole plan, and say "not ok" for checks N and for
# no other. "N?" names a check that may fail there or not (its outcome
# depends on timing); every check not named must pass. The run-qemu options set the boot (device tree, command line,
# the boot's scenario); the boot must fail only for the reason "reset"
# (the payloads failed), no kernel report. The boot's files are in
# build/runs/NAME.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

name=$1
shift
opts=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
[ "${1:-}" = -- ] || die "usage: catches.sh NAME [run-qemu options...] -- PAYLOAD CASE..."
shift
[ $# -gt 0 ] && [ $(($# % 2)) = 0 ] || die "no case, or a payload without its case"

dir=$BUILD/catches/$name
rm -rf "$dir"
mkdir -p "$dir/payloads"
cp "$TOP/tests/harness/catches-run.sh" "$dir/run"
expected=() optional=() cases=()
while [ $# -gt 0 ]; do
	src=$1 c=$2
	shift 2
	[ -f "$src/run" ] || die "no payload $src"
	[[ "$c " == *"-> "* ]] || die "case without \"-> N\": $c"
	words=${c%%->*} fails=${c##*-> }
	payload=$(basename "$src")
	[ -d "$dir/payloads/$payload" ] || cp -r "$src" "$dir/payloads/"
	echo "$payload $words" >> "$dir/cases"
	cases+=("$payload $c")
	expected+=("$(tr ',' '\n' <<<"$fails" | { grep -v '?' || true; } | sort -n | paste -sd' ')")
	optional+=("$(tr ',' '\n' <<<"$fails" | sed -n 's/?$//p' | paste -sd' ')")
done

set +e
out=$("$TOP/scripts/run-qemu.sh" --quiet --name "$name" "${opts[@]}" "$dir" 2>&1)
status=$?
set -e
printf '%s\n' "$out" | grep '^run-qemu:' || true
reasons=$(grep '^run-qemu: FAIL: ' <<<"$out" || true)
bad=0
if [ "$status" = 0 ] || [ "$(grep -c . <<<"$reasons")" != 1 ] ||
   ! grep -q '^run-qemu: FAIL: reset: ' <<<"$reasons"; then
	echo "the boot must fail for the reason \"reset\" alone (the payloads failed)"
	bad=1
fi

console=$(tr -d '\r' < "$BUILD/runs/$name/console.log")
for ((i = 1; i <= ${#cases[@]}; i++)); do
	c=${cases[i - 1]}
	want=${expected[i - 1]} may=${optional[i - 1]}
	ktap=$(awk -v b="# catches: case $i begin: " -v e="# catches: case $i exit " \
		'index($0, e) == 1 { exit } on; index($0, b) == 1 { on = 1 }' <<<"$console")
	rc=$(sed -n "s/^# catches: case $i exit //p" <<<"$console")
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' <<<"$ktap" | head -n1)
	results=$(grep -cE '^(not )?ok [0-9]+ ' <<<"$ktap" || true)
	# The checks that failed, less those that may.
	got=$(sed -n 's/^not ok \([0-9]*\) .*/\1/p' <<<"$ktap" |
		grep -vxF -f <(tr ' ' '\n' <<<"$may" | grep .) | sort -n | paste -sd' ' || true)
	grep -E '^not ok [0-9]+ ' <<<"$ktap" | sed "s/^/case $i: /" || true
	if [ -z "$rc" ] || [ "$rc" = 0 ]; then
		echo "case $i ($c): the payload did not fail (exit ${rc:-none})"
		bad=1
	elif [ -z "$plan" ] || [ "$results" != "$plan" ]; then
		echo "case $i ($c): $results result(s) for a plan of ${plan:-none}"
		bad=1
	elif [ "$got" != "$want" ]; then
		echo "case $i ($c): checks not ok: ${got:-none}; expected: $want${may:+ (and maybe $may)}"
		bad=1
	else
		echo "case $i ($c): failed checks $want, as expected"
	fi
done
exit $bad
