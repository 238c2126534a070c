# SPDX-License-Identifier: GPL-2.0
# Shared settings for the project's scripts. Source it; do not run it.

# Debian's tools first: the kernel's Python scripts (spdxcheck.py, kunit.py)
# need the modules setup-host.sh installs for /usr/bin/python3, not another
# python3 that may come earlier in PATH.
PATH=/usr/bin:/bin:$PATH
export PATH

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
# The kernel line the scripts work on: LINE=6.1 (the default) or 6.12.
# Each line has its pinned base (kernel/lines/LINE.conf), its series
# (patches/LINE/), its base tree and its build outputs. 6.1's are the top
# of build/ (build/linux, build/kernel, ...); another line's tree is
# build/linux-LINE and its outputs are under build/LINE/.
LINE=${LINE:-6.1}
[ -f "$TOP/kernel/lines/$LINE.conf" ] ||
	{ echo "error: no kernel line $LINE (kernel/lines/$LINE.conf)" >&2; exit 1; }
export LINE
if [ "$LINE" = 6.1 ]; then
	LINE_BUILD=$BUILD LINE_KSRC=$BUILD/linux
else
	LINE_BUILD=$BUILD/$LINE LINE_KSRC=$BUILD/linux-$LINE
fi
PATCHES=${PATCHES:-$TOP/patches/$LINE} # the line's series: git format-patch files
KSRC=${KSRC:-$LINE_KSRC}            # git tree: base commit + the series
KOUT=${KOUT:-$LINE_BUILD/kernel}    # out-of-tree kernel build directory
DEBUG_KOUT=${DEBUG_KOUT:-$LINE_BUILD/debug/kernel} # the debug kernel's (build-kernel.sh debug)
UNPATCHED=$LINE_BUILD/unpatched     # the unpatched kernel (build-unpatched.sh)
# Configuration fragments of this line alone (kernel/configs/lines/LINE/):
# where the line renamed or dropped an option the common fragments name.
# Merged after kernel/configs/*.config, so they override them.
LINE_FRAGMENTS=$(ls "$TOP/kernel/configs/lines/$LINE/"*.config 2>/dev/null || true)
BASE_TAG=base                       # tag of the pristine base commit
SERIES_BRANCH=series                # branch holding base + patches/
ARCH=arm64
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
export ARCH CROSS_COMPILE
CCACHE=$(command -v ccache || true)

# Identity used for commits the scripts make in the kernel tree; a fresh
# machine may have no global git identity.
GIT_ID=(-c user.name="${GIT_AUTHOR_NAME:-qcom-scm-waitq}"
	-c user.email="${GIT_AUTHOR_EMAIL:-qcom-scm-waitq@localhost}")

msg() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Print a hash of the given files' contents (order matters), or of nothing.
hash_files() {
	cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1
}

# kmake SRC OUT ARGS...: the kernel's make for the arm64 cross build, from
# the source tree SRC into the output directory OUT, compiling through
# ccache when there is one. Every kernel build and check goes through it.
kmake() {
	local src=$1 out=$2
	shift 2
	make -s -C "$src" O="$out" ARCH="$ARCH" CROSS_COMPILE="$CROSS_COMPILE" \
		${CCACHE:+CC="$CCACHE ${CROSS_COMPILE}gcc"} "$@"
}

# kmake_module KOUT DIR: build the out-of-tree module in DIR against the
# kernel build directory KOUT.
kmake_module() {
	make -s -C "$1" M="$2" ARCH="$ARCH" CROSS_COMPILE="$CROSS_COMPILE" modules
}

# warnings_in LOG FILE...: the lines of a build log (W=1, sparse) that are
# about one of FILEs; nothing when they are clean.
warnings_in() {
	local log=$1 f
	shift
	for f in "$@"; do
		grep -F "$f:" "$log" || true
	done
}

# unsaved_work TREE SCOPE [DIR]: what of the kernel tree TREE would be
# lost, one line each ("commit <id> <subject>", "stash ...", or a
# "git status --short" line); nothing when there is nothing to lose.
#   SCOPE series  resetting its series branch (series.sh apply): commits
#                 of that branch or of a detached HEAD that no other
#                 branch holds, and uncommitted changes to tracked files
#   SCOPE all     deleting it (prepare-base.sh): the commits of every ref,
#                 stashes, and every uncommitted or untracked file
# A commit is exported, so not counted, if the tree's last apply or
# export held it (refs/project/exported) or DIR (default $PATCHES) holds
# a patch with the same diff (git patch-id).
unsaved_work() {
	local tree=$1 scope=$2 dir=${3:-$PATCHES} ids id c
	local pos=() neg=()
	# Not a repository of its own (git would find the project's), or one
	# without a commit yet: an extraction prepare-base.sh did not finish.
	[ -e "$tree/.git" ] && git -C "$tree" rev-parse -q --verify HEAD >/dev/null ||
		return 0
	for c in refs/project/exported "refs/tags/$BASE_TAG"; do
		git -C "$tree" rev-parse -q --verify "$c" >/dev/null && neg+=("$c")
	done
	if [ "$scope" = all ]; then
		pos=(--all)
	else
		pos=(HEAD)
		git -C "$tree" rev-parse -q --verify "refs/heads/$SERIES_BRANCH" >/dev/null &&
			pos+=("refs/heads/$SERIES_BRANCH")
		while read -r c; do
			[ "$c" = "refs/heads/$SERIES_BRANCH" ] || neg+=("$c")
		done < <(git -C "$tree" for-each-ref --format='%(refname)' refs/heads)
	fi
	ids=$(cat "$dir"/[0-9][0-9][0-9][0-9]-*.patch 2>/dev/null |
		git -C "$tree" patch-id --stable | cut -d' ' -f1)
	for c in $(git -C "$tree" rev-list --no-merges "${pos[@]}" --not "${neg[@]}"); do
		id=$(git -C "$tree" diff-tree -p "$c" | git -C "$tree" patch-id --stable | cut -d' ' -f1)
		[ -n "$id" ] && grep -qxF "$id" <<<"$ids" && continue
		git -C "$tree" log -1 --format='commit %h %s' "$c"
	done
	if [ "$scope" = all ]; then
		git -C "$tree" stash list --format='stash %gd: %s'
		git -C "$tree" status --short
	else
		git -C "$tree" status --short --untracked-files=no
	fi
}
