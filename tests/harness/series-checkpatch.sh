#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Every patch of the series passes the kernel's checkpatch.pl --strict with
# no error, warning or check.
#   series-checkpatch.sh [DIR]   (default: patches/)
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

dir=${1:-$TOP/patches}
bad=0 n=0
for p in "$dir"/[0-9][0-9][0-9][0-9]-*.patch; do
	case "$p" in *0000-cover-letter.patch) continue ;; esac
	n=$((n + 1))
	if out=$(cd "$KSRC" && ./scripts/checkpatch.pl --strict --terse --no-summary "$p" 2>&1) &&
	   [ -z "$out" ]; then
		echo "clean: $(basename "$p")"
	else
		echo "$out"
		echo "not clean: $(basename "$p")"
		bad=1
	fi
done
[ "$n" -gt 0 ] || { echo "no patches in patches/"; exit 1; }
exit "$bad"
