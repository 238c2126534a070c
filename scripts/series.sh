#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The patch series workflow of one kernel line (LINE=6.1 by default, see
# scripts/lib.sh). patches/LINE/ holds "git format-patch --cover-letter"
# output against the base tag of the line's tree (build/linux for 6.1,
# build/linux-LINE for another line).
#
#   series.sh apply  [TREE]      reset TREE's "series" branch to the base and
#                                "git am" every patch; the cover letter's
#                                subject and blurb become the branch
#                                description. A patch that does not apply
#                                stops it, named.
#   series.sh export [TREE [DIR]] write TREE's base..series commits to DIR
#                                (default patches/LINE/), cover letter included.
#   series.sh status [TREE]      say whether TREE matches patches/LINE/.
#
# TREE defaults to the line's tree. "apply" refuses to discard work: commits on
# the series branch (or a detached HEAD) that are not exported to DIR and
# no other branch holds, and uncommitted edits; it names them and stops
# (set FORCE=1 to discard them). It is a no-op when the tree already holds
# exactly this series. Both commands record what they left on the branch
# as refs/project/exported: commits held there count as exported.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cmd=${1:-}
tree=${2:-$KSRC}
dir=${3:-$PATCHES}
cover=0000-cover-letter.patch

patch_list() {
	find "$1" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' ! -name "$cover" | sort
}

series_stamp() {
	echo "$(git -C "$tree" rev-parse "$BASE_TAG") $(hash_files $(patch_list "$dir"))"
}

# Subject (without the "[PATCH 0/N]" prefix; unfolded, as git folds a long
# one onto lines that start with a space) and blurb of a cover letter: the
# text between the headers and the shortlog ("Name (N):") git writes.
cover_description() {
	awk '
		/^Subject: / { sub(/^Subject: (\[[^]]*\] )?/, ""); subj = $0; next }
		subj != "" && !body && /^[ \t]/ { sub(/^[ \t]+/, " "); subj = subj $0; next }
		subj != "" && !body && /^$/ { body = 1; next }
		body && /^[^ ].* \([0-9]+\):$/ { exit }
		body && /^-- *$/ { exit }
		body { text = text $0 "\n" }
		END {
			sub(/\n+$/, "\n", text)
			printf "%s\n\n%s", subj, text
		}' "$1"
}

case "$cmd" in
apply)
	git -C "$tree" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null ||
		die "$tree has no $BASE_TAG tag: run LINE=$LINE scripts/prepare-base.sh"
	exported=$(git -C "$tree" rev-parse -q --verify refs/project/exported || true)
	if [ "$(git -C "$tree" config --get project.series || true)" = "$(series_stamp)" ] &&
	   [ "$(git -C "$tree" symbolic-ref --short -q HEAD)" = "$SERIES_BRANCH" ] &&
	   { [ -z "$exported" ] || [ "$(git -C "$tree" rev-parse HEAD)" = "$exported" ]; } &&
	   [ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ]; then
		msg "series: $tree already holds ${dir#$TOP/}/ ($(patch_list "$dir" | wc -l) patches)"
		exit 0
	fi
	work=$(unsaved_work "$tree" series "$dir")
	if [ -n "$work" ]; then
		printf '  %s\n' "$work" >&2
		[ "${FORCE:-0}" = 1 ] ||
			die "$tree holds work that apply would discard (above): export it" \
			    "(make export) or commit it on another branch; or FORCE=1"
		msg "FORCE=1: discarding it"
	fi
	git -C "$tree" am --abort >/dev/null 2>&1 || true
	git -C "$tree" checkout -q -f -B "$SERIES_BRANCH" "$BASE_TAG"
	git -C "$tree" config --unset project.series || true
	n=0
	for p in $(patch_list "$dir"); do
		if ! git -C "$tree" "${GIT_ID[@]}" am -q --keep-cr "$p" >/dev/null 2>&1; then
			git -C "$tree" "${GIT_ID[@]}" am --show-current-patch=diff >/dev/null 2>&1 || true
			git -C "$tree" am --abort >/dev/null 2>&1 || true
			die "patch $(basename "$p") does not apply to $(git -C "$tree" log -1 --format=%s "$BASE_TAG")"
		fi
		n=$((n + 1))
	done
	if [ -f "$dir/$cover" ]; then
		git -C "$tree" config "branch.$SERIES_BRANCH.description" \
			"$(cover_description "$dir/$cover")"
	fi
	git -C "$tree" config project.series "$(series_stamp)"
	git -C "$tree" update-ref refs/project/exported HEAD
	msg "series: applied $n patches onto $(git -C "$tree" describe --tags --match "v*" "$BASE_TAG")"
	;;
export)
	[ "$(git -C "$tree" symbolic-ref --short -q HEAD)" = "$SERIES_BRANCH" ] ||
		die "$tree is not on branch $SERIES_BRANCH"
	mkdir -p "$dir"
	count=$(git -C "$tree" rev-list --count "$BASE_TAG..$SERIES_BRANCH")
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	if [ "$count" -gt 0 ]; then
		git -C "$tree" -c core.abbrev=12 format-patch -q --zero-commit \
			--cover-letter --cover-from-description=subject \
			--base="$BASE_TAG" -o "$tmp" "$BASE_TAG..$SERIES_BRANCH"
	elif [ -f "$dir/$cover" ]; then
		cp "$dir/$cover" "$tmp/"
	fi
	find "$dir" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' -delete
	cp "$tmp"/*.patch "$dir/" 2>/dev/null || true
	git -C "$tree" config project.series "$(series_stamp)"
	git -C "$tree" update-ref refs/project/exported "refs/heads/$SERIES_BRANCH"
	msg "series: exported $count patches to $dir"
	;;
status)
	if [ "$(git -C "$tree" config --get project.series || true)" = "$(series_stamp)" ]; then
		echo "in sync"
	else
		echo "differs from ${dir#$TOP/}/"
		exit 1
	fi
	;;
*)
	sed -n '3,24s/^# \{0,1\}//p' "$0" >&2
	exit 2
	;;
esac
