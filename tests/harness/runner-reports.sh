#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The runner must report failure honestly: boot a deliberately broken
# payload and require a non-zero exit and the expected reason.
#   runner-reports.sh PAYLOAD REASON_REGEX [runner options...]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
payload=$1 reason=$2
shift 2

out=$("$here/../../scripts/run-qemu.sh" --quiet --name "harness-$payload" "$@" \
	"$here/payloads/$payload" 2>&1)
status=$?
printf '%s\n' "$out" | grep '^run-qemu:'
if [ "$status" = 0 ]; then
	echo "runner passed a broken payload ($payload)"
	exit 1
fi
if ! grep -qE "^run-qemu: FAIL: .*($reason)" <<<"$out"; then
	echo "runner failed, but not with the reason /$reason/"
	exit 1
fi
echo "runner reported $payload as expected (exit $status)"
