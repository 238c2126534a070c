#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Every prefix of the series builds (bisectable), and the C files each patch
# touches compile without a single sparse (C=1) or W=1 warning, with the
# test kernel's configuration, and are kernel-doc clean. Built in a scratch clone of build/linux with
# its own output directory, so build/kernel is left alone; only
# drivers/firmware/ is compiled at each step. Also runs kernel-doc on them.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

tree=$LINE_BUILD/bisect/linux
out=$LINE_BUILD/bisect/kernel
[ -f "$KOUT/.config" ] || die "build the kernel first"
if [ ! -d "$tree/.git" ]; then
	mkdir -p "$LINE_BUILD/bisect"
	git clone -q --shared --no-checkout "$KSRC" "$tree"
fi
# Into a ref of our own: the clone's own branch may be the checked-out one.
git -C "$tree" fetch -q -f "$KSRC" "refs/heads/$SERIES_BRANCH:refs/bisect/series" \
	"refs/tags/$BASE_TAG:refs/tags/$BASE_TAG"
mkdir -p "$out"
cp "$KOUT/.config" "$out/.config"

bad=0
for c in $(git -C "$tree" rev-list --reverse "$BASE_TAG..refs/bisect/series"); do
	git -C "$tree" checkout -q -f --detach "$c"
	subject=$(git -C "$tree" log -1 --format=%s "$c")
	# The kernel files this patch touches (the kselftest is built elsewhere).
	files=$(git -C "$tree" diff-tree --no-commit-id --name-only -r "$c" -- '*.c' '*.h' |
		grep -v '^tools/' || true)
	log=$out/build-$(git -C "$tree" rev-parse --short "$c").log
	# A Kconfig symbol a later patch adds is simply unset here.
	kmake "$tree" "$out" olddefconfig > /dev/null
	if ! kmake "$tree" "$out" -j"$(nproc)" W=1 C=1 drivers/firmware/ > "$log" 2>&1; then
		tail -20 "$log"
		echo "FAIL: does not build: $subject"
		bad=1
		continue
	fi
	warn=$(warnings_in "$log" $files)
	doc=$(cd "$tree" && for f in $files; do
		[ -f "$f" ] && ./scripts/kernel-doc -none "$f" 2>&1; done || true)
	if [ -n "$warn$doc" ]; then
		echo "$warn"
		echo "$doc"
		echo "FAIL: warnings: $subject"
		bad=1
	else
		echo "ok: $subject${files:+ (checked: $(echo $files))}"
	fi
done
exit "$bad"
