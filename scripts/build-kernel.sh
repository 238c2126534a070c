#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Configure and build the arm64 test kernel out of tree:
#   build-kernel.sh          the test kernel
#   build-kernel.sh debug    the debug kernel: the same plus
#                            kernel/configs/heavy/*.config (KASAN, kmemleak,
#                            UBSAN, debug objects), in build/debug/kernel
#   source  build/linux   (base + series, see scripts/series.sh)
#   output  build/kernel  (Image, modules; build out-of-tree modules with
#                          make -C build/kernel M=$PWD)
#   (another line, LINE=6.12: build/linux-6.12 into build/6.12/kernel)
# The configuration is allnoconfig plus kernel/configs/*.config (and, last,
# the line's own kernel/configs/lines/LINE/*.config), merged by
# the kernel's own merge_config.sh. Any requested option that did not make
# it into the final .config fails the build.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

FRAGMENTS=${FRAGMENTS:-$(ls "$TOP"/kernel/configs/*.config)}
case "${1:-}" in
"") ;;
debug)
	KOUT=$DEBUG_KOUT
	FRAGMENTS="$FRAGMENTS $(ls "$TOP"/kernel/configs/heavy/*.config)" ;;
*) die "usage: build-kernel.sh [debug]" ;;
esac
# The line's own fragments come last: they override the options it renamed
# or dropped.
FRAGMENTS="$FRAGMENTS${LINE_FRAGMENTS:+ $LINE_FRAGMENTS}"
JOBS=${JOBS:-$(nproc)}

[ -e "$KSRC/.git" ] || die "$KSRC missing: run LINE=$LINE scripts/prepare-base.sh"
mkdir -p "$KOUT"

# Re-merge only when a fragment or the tree's Kconfig files changed, so an
# unchanged build stays a no-op.
# The lines of the fragments that set or unset an option, the last one of
# each option only: a later fragment overrides an earlier one, as in
# merge_config.sh.
last_requests() {
	awk '/^CONFIG_[A-Za-z0-9_]+=/ { s = $0; sub(/=.*/, "", s) }
	     /^# CONFIG_[A-Za-z0-9_]+ is not set$/ { s = $2 }
	     s != "" { if (!(s in last)) order[++n] = s; last[s] = $0; s = "" }
	     END { for (i = 1; i <= n; i++) print last[order[i]] }' "$@"
}

stamp="$(hash_files $FRAGMENTS) $(git -C "$KSRC" rev-parse HEAD^{tree})"
if [ ! -f "$KOUT/.config" ] || [ "$(cat "$KOUT/.project-config" 2>/dev/null)" != "$stamp" ]; then
	msg "configuring kernel: allnoconfig + $(echo $FRAGMENTS | xargs -n1 basename | xargs)"
	(cd "$KSRC" && ./scripts/kconfig/merge_config.sh -n -O "$KOUT" $FRAGMENTS) \
		> "$KOUT/merge_config.log" 2>&1 ||
		{ cat "$KOUT/merge_config.log"; die "merge_config.sh failed"; }
	missing=0
	while read -r line; do
		case "$line" in
		CONFIG_*=*) want=$line ;;
		"# CONFIG_"*" is not set") want=$line ;;
		*) continue ;;
		esac
		sym=${want#\# }; sym=${sym%%[= ]*}
		got=$(grep -E "^($sym=|# $sym is not set)" "$KOUT/.config" || echo "$sym undefined")
		if [ "$got" != "$want" ] &&
		   ! { [ "$want" = "# $sym is not set" ] && [ "$got" = "$sym undefined" ]; }; then
			printf 'error: requested %s, got %s\n' "$want" "$got" >&2
			missing=1
		fi
	done < <(last_requests $FRAGMENTS)
	[ "$missing" = 0 ] || die "kernel configuration did not take every requested option"
	echo "$stamp" > "$KOUT/.project-config"
fi

msg "building kernel in $KOUT ($JOBS jobs${CCACHE:+, ccache})"
kmake "$KSRC" "$KOUT" -j"$JOBS" \
	KBUILD_BUILD_TIMESTAMP=@0 KBUILD_BUILD_USER=qemu KBUILD_BUILD_HOST=virt \
	Image modules
msg "kernel: $(cat "$KOUT/include/config/kernel.release") $KOUT/arch/arm64/boot/Image"
