#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of tests/harness/catches.sh: runs each case of ./cases, one
# line each, "PAYLOAD WORD...", in turn: the guest payload ./payloads/
# PAYLOAD/run with the case's settings, its output between two marker
# lines for the host to judge. A WORD is
#   key=value    a scenario key of the mock, set at run time through its
#                control (/sys/kernel/debug/scm_mock/scenario) before the
#                payload starts
#   VAR=value    (upper case) in the payload's environment
#   /path=value  written to that file before the payload, the old value
#                written back after it (a trace event's filter that read
#                "none" is cleared with 0)
# After each case the modules the payload loaded are unloaded, the mock's
# second VM and held resources released, the calls left parked reclaimed,
# every scenario key set back to the boot's, and the kernel log cleared
# (a payload reads it). Exits 1
# if any case's payload failed (every case is expected to).
. /lib/scm-test.sh
CTL=/lib/mockctl/scm_mock_ctl.ko

insmod $CTL && cat $M/scenario > /tmp/boot-scenario && rmmod scm_mock_ctl || exit 2
i=0 failed=0
while read -r payload words; do
	i=$((i + 1))
	env= restore=
	# The second VM stopped while the keys change (k may not change
	# while it holds a resource), then started again as the boot set it.
	insmod $CTL && echo 1 > $M/release_all || exit 2
	for w in $words; do
		k=${w%%=*} v=${w#*=}
		case "$k" in
		/*) restore="$restore $k=$(cat "$k")"; echo "$v" > "$k" || exit 2 ;;
		*[A-Z]*) env="$env $w" ;;
		*) echo "$k $v" > $M/scenario || exit 2 ;;
		esac
	done
	case " $words " in *" period_us="*) ;; *)
		grep '^period_us ' /tmp/boot-scenario > $M/scenario || exit 2 ;;
	esac
	rmmod scm_mock_ctl
	echo "# catches: case $i begin: $payload $words"
	(cd ./payloads/"$payload" && env $env ./run) < /dev/null
	rc=$?
	echo "# catches: case $i exit $rc"
	[ "$rc" = 0 ] || failed=$((failed + 1))
	rmmod qcom_scm_test 2>/dev/null
	rmmod scm_mock_ctl 2>/dev/null
	for w in $restore; do
		k=${w%%=*} v=${w#*=}
		case "$k=$v" in */filter=none) v=0 ;; esac
		echo "$v" > "$k" || { echo "# catches: cannot write $v back to $k"; exit 2; }
	done
	# Calls a case left parked are reclaimed once woken (abandon_us
	# back to the boot's, every resource released) before k may change.
	insmod $CTL && grep '^abandon_us ' /tmp/boot-scenario > $M/scenario &&
	echo 1 > $M/release_all || exit 2
	until_true 100 [ "$(live_counter parked)" = 0 ] ||
		echo "# catches: calls still parked: $(live_counter parked)"
	grep -v '^mock_ctl ' /tmp/boot-scenario | while read -r k v; do
		echo "$k $v" > $M/scenario || echo "# catches: cannot set $k back to $v"
	done
	rmmod scm_mock_ctl
	dmesg -c > /dev/null
done < ./cases
echo "# catches: $i case(s), $failed failed"
[ "$failed" = 0 ]
