#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build "the unpatched kernel" of every comparison: the line's base plus
# its series' first patch alone (the SCM test module), in UNPATCHED/linux
# (a git worktree of the line's tree) and UNPATCHED/kernel; UNPATCHED is
# build/unpatched for line 6.1 (the default), build/LINE/unpatched for
# another (LINE=6.12: upstream's own wait-queue support, the peer). Same
# configuration as the test kernel, without the fragments that need the
# rest of the series (kernel/configs/tests.config).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# sed, not head: head exits early and pipefail turns the SIGPIPE into a failure.
first=$(git -C "$KSRC" rev-list --reverse "$BASE_TAG..$SERIES_BRANCH" | sed -n 1p)
[ -n "$first" ] || die "the series is empty"
tree=$UNPATCHED/linux
if [ ! -e "$tree/.git" ]; then
	git -C "$KSRC" worktree prune
	git -C "$KSRC" worktree add -q --detach "$tree" "$first"
elif [ "$(git -C "$tree" rev-parse HEAD^{tree})" != "$(git -C "$KSRC" rev-parse "$first^{tree}")" ]; then
	git -C "$tree" checkout -q -f --detach "$first"
fi
msg "unpatched: $(git -C "$tree" log -1 --format=%s HEAD) on $(git -C "$tree" describe --tags --match 'v*' "$BASE_TAG")"

export KSRC=$tree KOUT=$UNPATCHED/kernel
FRAGMENTS=$(ls "$TOP"/kernel/configs/*.config | grep -v '/tests.config$') \
	"$TOP/scripts/build-kernel.sh"
"$TOP/scripts/build-test-tools.sh"
