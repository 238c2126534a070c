# SPDX-License-Identifier: GPL-2.0
# Shared settings for the project's scripts. Source it; do not run it.

# Debian's tools first: the kernel's Python scripts (spdxcheck.py, kunit.py)
# need the modules setup-host.sh installs for /usr/bin/python3, not another
# python3 that may come earlier in PATH.
PATH=/usr/bin:/bin:$PATH
export PATH

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
KSRC=${KSRC:-$BUILD/linux}          # git tree: base commit + the series
KOUT=${KOUT:-$BUILD/kernel}         # out-of-tree kernel build directory
BASE_TAG=base                       # tag of the pristine base commit
SERIES_BRANCH=series                # branch holding base + patches/
ARCH=arm64
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
export ARCH CROSS_COMPILE

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
