#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Turn Debian's linux-source-LINE tarball into the line's base tree (see
# scripts/lib.sh; LINE=6.1 by default): build/linux for 6.1,
# build/linux-LINE for another line, a git repository whose first commit
# is the pristine tarball, tagged "base" (and vLINE.N-debian-VERSION, a
# "~" in the version written "_" as git tags need). Everything after that
# tag is the series. Refuses any source that is not Linux LINE.
#
# Idempotent: an existing tree made from the same package version is kept.
# A tree that must be recreated (the package moved to another version) is
# only deleted if that loses nothing: commits not exported to patches/,
# stashes, uncommitted or untracked files stop it, named (FORCE=1 deletes
# them). LINUX_SOURCE_TARBALL and LINUX_SOURCE_VERSION stand in for the
# installed package's tarball and version (the harness tests use a small
# one).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PACKAGE=linux-source-$LINE
TARBALL=${LINUX_SOURCE_TARBALL:-/usr/src/$PACKAGE.tar.xz}
[ -f "$TARBALL" ] || die "$TARBALL missing: run scripts/setup-host.sh"
DEB_VERSION=${LINUX_SOURCE_VERSION:-$(dpkg-query -W -f '${Version}' "$PACKAGE")}
. "$TOP/kernel/lines/$LINE.conf"

if [ "$DEB_VERSION" != "$BASE_DEB_VERSION" ]; then
	msg "warning: $PACKAGE is $DEB_VERSION, the series was last" \
	    "verified on $BASE_DEB_VERSION (kernel/lines/$LINE.conf)"
fi

if git -C "$KSRC" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	have=$(git -C "$KSRC" config --get project.debversion || true)
	if [ "$have" = "$DEB_VERSION" ]; then
		msg "base tree $KSRC is up to date ($(git -C "$KSRC" describe --tags "$BASE_TAG"))"
		exit 0
	fi
	msg "base tree was made from $have, package is now $DEB_VERSION: recreating"
fi

work=$(unsaved_work "$KSRC" all)
if [ -n "$work" ]; then
	printf '  %s\n' "$work" >&2
	[ "${FORCE:-0}" = 1 ] ||
		die "$KSRC holds work that deleting it would lose (above): export" \
		    "the series (make export), commit or remove the rest; or FORCE=1"
	msg "FORCE=1: deleting it all"
fi
rm -rf "$KSRC" "$KSRC.tmp"
mkdir -p "$KSRC.tmp"
msg "extracting $TARBALL"
tar -xJf "$TARBALL" -C "$KSRC.tmp"
top=$(ls "$KSRC.tmp")
[ "$(echo "$top" | wc -l)" = 1 ] || die "unexpected tarball layout: $top"
mv "$KSRC.tmp/$top" "$KSRC"
rmdir "$KSRC.tmp"

mk() { sed -n "s/^$1 = *//p" "$KSRC/Makefile" | sed -n 1p; }
VERSION=$(mk VERSION) PATCHLEVEL=$(mk PATCHLEVEL) SUBLEVEL=$(mk SUBLEVEL)
if [ "$VERSION.$PATCHLEVEL" != "$LINE" ]; then
	rm -rf "$KSRC"
	die "the package holds Linux $VERSION.$PATCHLEVEL.$SUBLEVEL, not $LINE: refusing it"
fi
KVER=$LINE.$SUBLEVEL

msg "creating git repository for Linux $KVER (Debian $DEB_VERSION)"
cd "$KSRC"
git init -q -b "$SERIES_BRANCH"
git config core.autocrlf false
git config gc.auto 0
git config project.debversion "$DEB_VERSION"
# Debian's tarball appends "/*" to the top-level .gitignore, which ignores
# every top-level path. "git add -f" commits the tarball exactly as shipped;
# the working copy of .gitignore then loses that block (and git is told not
# to look at it) so files that patches create show up in "git status" and
# "git add -A" as they do in any kernel tree. The commit keeps the original.
git add -f -A
# A fixed identity and date (the tarball's Makefile time) make the base
# commit id the same on every machine, so "base-commit:" lines match.
stamp=@$(stat -c %Y Makefile)
GIT_AUTHOR_DATE=$stamp GIT_COMMITTER_DATE=$stamp \
git -c user.name="Debian $PACKAGE" -c user.email="debian-kernel@lists.debian.org" \
	commit -q --no-verify \
	-m "Linux $KVER (Debian $PACKAGE $DEB_VERSION)" \
	-m "Pristine contents of /usr/src/$PACKAGE.tar.xz."
git tag "$BASE_TAG"
git tag "v$KVER-debian-${DEB_VERSION//\~/_}"
sed -i '/^# Debian packaging: ignore everything/,$d' .gitignore
sed -i '${/^#$/d}' .gitignore
git update-index --skip-worktree .gitignore
msg "base: $(git log -1 --format='%h %s' "$BASE_TAG")"
