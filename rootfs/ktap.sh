# SPDX-License-Identifier: GPL-2.0
# Minimal KTAP output for guest payload scripts. Source it, call
# ktap_plan N, then ktap_check "description" command... for each test, and
# finish with ktap_finish (exit status 0 only if every check passed).

KTAP_N=0
KTAP_FAILED=0

ktap_plan() {
	echo "KTAP version 1"
	echo "1..$1"
}

# ktap_check DESCRIPTION COMMAND [ARGS...]: run the command, report it.
ktap_check() {
	local desc=$1
	shift
	KTAP_N=$((KTAP_N + 1))
	if "$@"; then
		echo "ok $KTAP_N $desc"
	else
		echo "not ok $KTAP_N $desc"
		KTAP_FAILED=$((KTAP_FAILED + 1))
	fi
}

ktap_finish() {
	echo "# $((KTAP_N - KTAP_FAILED)) passed, $KTAP_FAILED failed"
	[ "$KTAP_FAILED" = 0 ]
}
