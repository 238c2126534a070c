#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The runner must report failure honestly and for the right reason: boot a
# payload that goes wrong in one way and require scripts/run-qemu.sh to
# fail with that reason.
#
#   runner-reports.sh [--detail REGEX] KIND PAYLOAD [run-qemu options...]
#
# KIND is the runner's reason, its "run-qemu: FAIL: KIND: ..." line is
# required. PAYLOAD is a directory of tests/harness/payloads/, or
# trigger=NAME[:SECONDS][,...]: a payload that loads the test-only module
# tests/harness/reports-module (built against the kernel the options boot,
# --debug-kernel or not) once for each NAME, each load making the kernel
# report one kind (a stall, lockup or hung task lasting SECONDS, default
# 6), and then passes.
#
# When KIND is one of the console report kinds the runner scans for, the
# reason's detail must be a kernel line of that boot's console, printed
# after the first trigger ran, so the reason can only have come from the
# console scan (QEMU's exit status may fail the run as well, for a panic).
# --detail REGEX: the detail must also match REGEX (it names the trigger).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

detail_re=
if [ "${1:-}" = --detail ]; then
	detail_re=$2
	shift 2
fi
kind=$1 payload=$2
shift 2
case " $* " in *" --debug-kernel "*) kout=$DEBUG_KOUT ;; *) kout=$KOUT ;; esac

case "$payload" in
trigger=*)
	triggers=${payload#trigger=}
	name=reports-${triggers//[,:]/-}
	mod=$BUILD/report-trigger/$(basename "$(dirname "$kout")")-$(basename "$kout")
	mkdir -p "$mod"
	for f in "$TOP"/tests/harness/reports-module/{Kbuild,report_trigger.c}; do
		cmp -s "$f" "$mod/$(basename "$f")" || cp "$f" "$mod/"
	done
	kmake_module "$kout" "$mod"
	dir=$BUILD/runner-reports/$name
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$mod/report_trigger.ko" "$dir/"
	{
		echo "#!/bin/sh"
		echo "# Each trigger in turn; the payload itself passes."
		for t in ${triggers//,/ }; do
			args="trigger=${t%%:*}"
			[[ $t != *:* ]] || args+=" hold_s=${t#*:}"
			echo "insmod ./report_trigger.ko $args && rmmod report_trigger || exit 1"
		done
	} > "$dir/run"
	chmod +x "$dir/run"
	first=${triggers%%,*}
	first="report_trigger: ${first%%:*}"
	;;
*)
	name=reports-$payload
	dir=$TOP/tests/harness/payloads/$payload
	first=
	;;
esac

set +e
out=$("$TOP/scripts/run-qemu.sh" --quiet --name "$name" "$@" "$dir" 2>&1)
status=$?
set -e
console=$BUILD/runs/$name/console.log
printf '%s\n' "$out" | grep '^run-qemu:'
if [ "$status" = 0 ]; then
	echo "runner passed a broken payload ($payload)"
	exit 1
fi
reason=$(grep -F -m1 "run-qemu: FAIL: $kind: " <<<"$out" || true)
if [ -z "$reason" ]; then
	echo "runner failed, but not with the reason \"$kind\""
	exit 1
fi
detail=${reason#"run-qemu: FAIL: $kind: "}

# A console report kind: the detail must be a kernel line of this boot,
# after the trigger announced itself.
if sed -n "/^kinds=\$(cat <<'EOF'\$/,/^EOF\$/p" "$TOP/scripts/run-qemu.sh" |
   grep -qF "$kind|"; then
	after=$(tr -d '\r' < "$console" |
		awk -v first="$first" 'first == "" || seen; index($0, first) { seen = 1 }')
	if ! grep -qE "\[ *[0-9]+\.[0-9]+\] " <<<"$(grep -F -- "$detail" <<<"$after")"; then
		echo "the reason's detail is not a kernel line of the console after \"$first\": $detail"
		exit 1
	fi
fi
if [ -n "$detail_re" ] && ! grep -qE -- "$detail_re" <<<"$detail"; then
	echo "the reason's detail does not match /$detail_re/: $detail"
	exit 1
fi
echo "runner reported $payload as \"$kind\" (exit $status)"
