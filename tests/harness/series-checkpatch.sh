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
#
# So is "Unknown commit id" for a Fixes: tag: the base tree is a Debian
# tarball without upstream's history, so checkpatch cannot look the id
# up. It passes only if kernel/lines/LINE.commits lists the id with the
# tag's exact subject.
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

unknown_id="^[^ ]*: WARNING: Unknown commit id '[0-9a-f]+', maybe rebased or not pulled\?$"

# known_commits PATCH: every commit PATCH's Fixes: tags name is listed,
# id and subject, in the line's kernel/lines/LINE.commits.
known_commits() {
	local list=$TOP/kernel/lines/$LINE.commits id subject ok=0
	while read -r id subject; do
		if grep -qxF "$id $subject" "$list" 2>/dev/null; then
			echo "known upstream commit: $id (\"$subject\")"
		else
			echo "not in ${list#$TOP/}: $id (\"$subject\")"
			ok=1
		fi
	done < <(sed -n 's/^Fixes: \([0-9a-f]\{12,\}\) ("\(.*\)")$/\1 \2/p' "$1")
	return "$ok"
}

dir=${1:-$PATCHES}
bad=0 n=0
for p in "$dir"/[0-9][0-9][0-9][0-9]-*.patch; do
	case "$p" in *0000-cover-letter.patch) continue ;; esac
	n=$((n + 1))
	out=$(cd "$KSRC" && ./scripts/checkpatch.pl --strict --terse --no-summary "$p" 2>&1) || true
	rest=$(grep -vF "$maint_warning" <<<"$out" | grep -vE "$unknown_id" || true)
	maint=$(grep -cF "$maint_warning" <<<"$out" || true)
	ids=$(grep -cE "$unknown_id" <<<"$out" || true)
	if [ -z "$rest" ] && { [ "$maint" = 0 ] || covered "$p"; } &&
	   { [ "$ids" = 0 ] || known_commits "$p"; }; then
		echo "clean: $(basename "$p")"
	else
		echo "$out"
		echo "not clean: $(basename "$p")"
		bad=1
	fi
done
[ "$n" -gt 0 ] || { echo "no patches in ${dir#$TOP/}/"; exit 1; }
exit "$bad"
