#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The series workflow round trip, in a scratch clone of the line's tree
# (build/linux; LINE=6.12: build/linux-6.12): apply its patches
# (patches/LINE/), add a commit, export, re-apply the export onto a fresh
# base and get the same tree; export again and get the same patches; the
# cover letter's text survives; a patch that does not apply fails, named.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"

work=$(mktemp -d "$BUILD/roundtrip.XXXXXX")
trap 'rm -rf "$work"' EXIT
series=$TOP/scripts/series.sh
tree=$work/linux

git clone -q --shared -b "$SERIES_BRANCH" "$KSRC" "$tree"
# The clone is scratch: whatever the tree holds beyond the patches may go.
FORCE=1 "$series" apply "$tree" "$PATCHES"
n=$(git -C "$tree" rev-list --count "$BASE_TAG..HEAD")
echo "applied ${PATCHES#$TOP/}/: $n commits"

# A new commit: one new file (the base .gitignore must not hide it) and
# one change to an existing file.
mkdir -p "$tree/drivers/firmware"
echo "roundtrip" > "$tree/drivers/firmware/roundtrip.txt"
echo "# roundtrip" >> "$tree/MAINTAINERS"
git -C "$tree" add -f drivers/firmware/roundtrip.txt MAINTAINERS
git -C "$tree" "${GIT_ID[@]}" commit -q -s -m "roundtrip: test commit" -m "Body."
want=$(git -C "$tree" rev-parse HEAD^{tree})

mkdir "$work/p1" "$work/p2"
cp "$PATCHES/0000-cover-letter.patch" "$work/p1/"
"$series" export "$tree" "$work/p1"
[ "$(ls "$work/p1" | wc -l)" = $((n + 2)) ] || { ls "$work/p1"; echo "export count wrong"; exit 1; }

FORCE=1 "$series" apply "$tree" "$work/p1"
got=$(git -C "$tree" rev-parse HEAD^{tree})
[ "$got" = "$want" ] || { echo "re-applied tree $got != $want"; exit 1; }
echo "re-applied tree matches: $got"

cp "$work/p1/0000-cover-letter.patch" "$work/p2/"
"$series" export "$tree" "$work/p2"
# Only the cover letter's Date: may differ between two exports.
diff -r -I '^Date: ' "$work/p1" "$work/p2"
# subject COVER: its Subject without the "[PATCH 0/N]" prefix, unfolded
# (git folds a long one onto lines that start with a space).
subject() {
	awk '/^Subject: / { s = $0; sub(/^Subject: \[[^]]*\] /, "", s); on = 1; next }
	     on && /^[ \t]/ { sub(/^[ \t]+/, " "); s = s $0; next }
	     on { print s; exit }' "$1"
}
subject=$(subject "$PATCHES/0000-cover-letter.patch")
[ "$(subject "$work/p2/0000-cover-letter.patch")" = "$subject" ] ||
	{ echo "cover letter subject lost: $(subject "$work/p2/0000-cover-letter.patch")"; exit 1; }
echo "second export identical, cover letter kept: $subject"

# A patch that cannot apply must fail loudly and name itself.
last=$(ls "$work/p2"/*.patch | tail -1)
sed -i 's/^+roundtrip$/+roundtrip changed/; s/^ # roundtrip$//' "$last"
sed -i '0,/^@@.*@@/s//@@ -99999,1 +99999,2 @@/' "$last"
if out=$(FORCE=1 "$series" apply "$tree" "$work/p2" 2>&1); then
	echo "a broken patch applied"; exit 1
fi
grep -q "$(basename "$last") does not apply" <<<"$out" ||
	{ echo "failure did not name the patch: $out"; exit 1; }
echo "broken patch rejected: $(echo "$out" | tail -1)"
