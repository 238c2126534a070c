#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Every patch of the series passes the kernel's checkpatch.pl --strict with
# no error, warning or check.
#   series-checkpatch.sh [DIR]   (default: the line's, patches/6.1/)
#
# One warning is judged rather than counted: checkpatch asks "does
# MAINTAINERS need updating?" of any patch that adds a file without
# touching MAINTAINERS, since it cannot tell whether an existing F: glob
# already covers the file. It passes only if scripts/get_maintainer.pl
# (--sections) names a MAINTAINERS section for every file the patch adds;
# a file left to "THE REST" fails.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

maint_warning='WARNING: added, moved or deleted file(s), does MAINTAINERS need updating?'

# covered PATCH: every file PATCH adds has a MAINTAINERS section.
covered() {
	local f section ok=0
	for f in $(awk '/^diff --git / { f = substr($4, 3) } /^new file mode/ { print f }' "$1"); do
		section=$(cd "$KSRC" && ./scripts/get_maintainer.pl --no-git --no-email \
			--no-l --no-r --sections -f "$f" 2>/dev/null | sed -n 1p)
		case "$section" in
		"" | "THE REST") echo "no MAINTAINERS section covers $f"; ok=1 ;;
		*) echo "covered: $f ($section)" ;;
		esac
	done
	return "$ok"
}

dir=${1:-$PATCHES}
bad=0 n=0
for p in "$dir"/[0-9][0-9][0-9][0-9]-*.patch; do
	case "$p" in *0000-cover-letter.patch) continue ;; esac
	n=$((n + 1))
	out=$(cd "$KSRC" && ./scripts/checkpatch.pl --strict --terse --no-summary "$p" 2>&1) || true
	rest=$(grep -vF "$maint_warning" <<<"$out" || true)
	if [ -z "$rest" ] && { [ "$rest" = "$out" ] || covered "$p"; }; then
		echo "clean: $(basename "$p")"
	else
		echo "$out"
		echo "not clean: $(basename "$p")"
		bad=1
	fi
done
[ "$n" -gt 0 ] || { echo "no patches in ${dir#$TOP/}/"; exit 1; }
exit "$bad"
