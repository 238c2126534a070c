#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The harness never loses work in a kernel tree. On a small stand-in for
# Debian's tarball, in a scratch build directory:
#   series.sh apply     refuses, naming it, a commit not exported to the
#                       patches, and an uncommitted edit; FORCE=1 applies
#   prepare-base.sh     asked to recreate the tree for a new package
#                       version, refuses, naming it, a commit not exported,
#                       an uncommitted edit, an untracked file and a stash;
#                       FORCE=1 recreates it
# and neither refuses a tree whose commits are all exported.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/keeps-work.XXXXXX")
trap 'rm -rf "$work"' EXIT
export BUILD=$work/build KSRC=$work/build/linux
export LINUX_SOURCE_TARBALL=$work/linux-source-6.1.tar.xz
export LINUX_SOURCE_VERSION=6.1.192-1
patches=$work/patches
series() { "$TOP/scripts/series.sh" "$1" "$KSRC" "$patches"; }
base() { "$TOP/scripts/prepare-base.sh"; }
commit() { git -C "$KSRC" "${GIT_ID[@]}" commit -q -a -m "$1"; }
force() { FORCE=1 "$@"; }
bad=0

# refuses WHAT NAME COMMAND...: COMMAND must fail and name NAME.
refuses() {
	local what=$1 name=$2 out
	shift 2
	if out=$("$@" 2>&1); then
		echo "FAIL: $* accepted $what"
		bad=1
	elif ! grep -qF -- "$name" <<<"$out"; then
		printf '%s\n' "$out"
		echo "FAIL: $* refused $what without naming \"$name\""
		bad=1
	else
		echo "ok: $* refuses $what: $(grep -F -- "$name" <<<"$out" | sed -n 1p | sed 's/^ *//')"
	fi
}

# accepts WHAT COMMAND...: COMMAND must succeed.
accepts() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "ok: $* accepts $what"
	else
		printf '%s\n' "$out"
		echo "FAIL: $* refused $what"
		bad=1
	fi
}

# A tarball laid out as Debian's: one top directory, a 6.1 Makefile, a
# .gitignore ending in the block that ignores everything.
src=$work/src/linux-source-6.1
mkdir -p "$src/drivers/firmware"
printf 'VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 192\n' > "$src/Makefile"
printf '*.o\n# Debian packaging: ignore everything\n/*\n' > "$src/.gitignore"
echo "int scm;" > "$src/drivers/firmware/scm.c"
tar -cJf "$LINUX_SOURCE_TARBALL" -C "$work/src" linux-source-6.1
base > /dev/null 2>&1
echo "base tree: $(git -C "$KSRC" describe --tags --match 'v*' "$BASE_TAG")"

# A series of one patch, exported.
mkdir -p "$patches"
echo "int waitq;" >> "$KSRC/drivers/firmware/scm.c"
commit "firmware: scm: exported change"
series export > /dev/null 2>&1
accepts "a tree whose commits are all exported" series apply

# series.sh apply
echo "int lost;" >> "$KSRC/drivers/firmware/scm.c"
commit "firmware: scm: unexported change"
refuses "an unexported commit" "unexported change" series apply
accepts "an unexported commit with FORCE=1" force series apply
if git -C "$KSRC" log --format=%s | grep -q "unexported change"; then
	echo "FAIL: FORCE=1 apply kept the unexported commit"
	bad=1
fi
echo "int edited;" >> "$KSRC/drivers/firmware/scm.c"
refuses "an uncommitted edit" "drivers/firmware/scm.c" series apply
git -C "$KSRC" checkout -q -- drivers/firmware/scm.c
# A commit kept on another branch is not lost by resetting the series.
git -C "$KSRC" checkout -q -b keep
echo "int kept;" >> "$KSRC/drivers/firmware/scm.c"
commit "firmware: scm: kept on a branch"
git -C "$KSRC" checkout -q "$SERIES_BRANCH"
accepts "a commit another branch holds" series apply

# prepare-base.sh, for a newer package version: it would delete the tree.
export LINUX_SOURCE_VERSION=6.1.192-2
refuses "a commit of another branch" "kept on a branch" base
git -C "$KSRC" branch -q -D keep
echo "int lost;" >> "$KSRC/drivers/firmware/scm.c"
commit "firmware: scm: unexported change"
refuses "an unexported commit" "unexported change" base
git -C "$KSRC" reset -q --hard HEAD^
echo "int edited;" >> "$KSRC/drivers/firmware/scm.c"
refuses "an uncommitted edit" "drivers/firmware/scm.c" base
git -C "$KSRC" checkout -q -- drivers/firmware/scm.c
echo "new" > "$KSRC/drivers/firmware/new.c"
refuses "an untracked file" "drivers/firmware/new.c" base
rm "$KSRC/drivers/firmware/new.c"
echo "int stashed;" >> "$KSRC/drivers/firmware/scm.c"
git -C "$KSRC" "${GIT_ID[@]}" stash -q
refuses "a stash" "stash@{0}" base
git -C "$KSRC" stash drop -q
echo "int lost;" >> "$KSRC/drivers/firmware/scm.c"
commit "firmware: scm: unexported change"
accepts "everything with FORCE=1" force base
got=$(git -C "$KSRC" describe --tags --match 'v*' "$BASE_TAG")
[ "$got" = v6.1.192-debian-6.1.192-2 ] || { echo "FAIL: FORCE=1 left base $got"; bad=1; }
accepts "the series on the new base" series apply
[ "$(git -C "$KSRC" log -1 --format=%s)" = "firmware: scm: exported change" ] ||
	{ echo "FAIL: the series did not apply on the new base"; bad=1; }

# A tree with every commit exported is recreated without FORCE.
export LINUX_SOURCE_VERSION=6.1.192-3
accepts "a tree with all its work exported" base
exit "$bad"
