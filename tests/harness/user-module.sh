#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The README's recipe for a user's own module: build it out of tree against
# build/kernel, put it in a payload directory with a run script, boot it.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

work=$BUILD/user-module
rm -rf "$work"
mkdir -p "$work/src" "$work/payload"
cp "$TOP"/tests/harness/module/{Kbuild,hello_payload.c} "$work/src/"
kmake_module "$KOUT" "$work/src"
cp "$work/src/hello_payload.ko" "$work/payload/"
cat > "$work/payload/run" <<'RUN'
#!/bin/sh
insmod ./hello_payload.ko && rmmod hello_payload &&
	dmesg | grep -q "hello_payload: unloaded"
RUN
chmod +x "$work/payload/run"
"$TOP/scripts/run-qemu.sh" --quiet --name user-module \
	--expect "hello_payload: loaded" "$work/payload"
