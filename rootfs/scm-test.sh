# SPDX-License-Identifier: GPL-2.0
# Helpers shared by the guest payloads that drive the series' SCM test
# module (qcom_scm_test) against the mock firmware, through the mock's
# control module (scm_mock_ctl). Source it after /lib/ktap.sh.
#
# A run's files: $R the test module's results, /tmp/counters the
# firmware's counters after the run, /tmp/trace the driver's trace,
# /tmp/wake_irqs how many wake interrupts the run took.
#
# Two drivers are tested: the 6.1 series' (trace events qcom_scm_waitq_*:
# sleep, resume, wake, timeout, poll, irq) and upstream's in 6.12 with the
# 6.12 series (events scm_waitq_sleep, scm_waitq_resume, and
# scm_waitq_get_wq_ctx for a wake fetched; nothing for timeouts or polls).

T=/sys/kernel/debug/qcom_scm_test
M=/sys/kernel/debug/scm_mock
TR=/sys/kernel/tracing
R=/tmp/results

# scm_load [trace]: load the test module and the mock's control; with
# "trace", enable the driver's tracepoints too.
scm_load() {
	modprobe qcom_scm_test && [ -d $T ] &&
	insmod /lib/mockctl/scm_mock_ctl.ko && [ -d $M ] || return 1
	[ "$1" != trace ] || echo 1 > $TR/events/qcom_scm/enable
}

# scm_configure THREADS ITERATIONS CALL...: the next run's shape.
scm_configure() {
	echo "$1" > $T/threads && echo "$2" > $T/iterations || return 1
	shift 2
	echo "$*" > $T/calls
}

# series_driver: the kernel runs the 6.1 series' driver (its trace events).
series_driver() { [ -d $TR/events/qcom_scm/qcom_scm_waitq_sleep ]; }

# wake_irqs: the wake interrupt's count so far, all CPUs (its name is
# qcom-scm-waitq in the 6.1 series, qcom-scm upstream); 0 without one.
wake_irqs() {
	awk '/ qcom-scm/ { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i }
	     END { print n + 0 }' /proc/interrupts
}

# scm_run: reset the firmware's counters, clear the trace, run the test
# module, keep results, counters and trace, and show results and counters.
scm_run() {
	local irqs
	echo 1 > $M/reset || return 1
	[ ! -w $TR/trace ] || echo > $TR/trace
	irqs=$(wake_irqs)
	echo 1 > $T/run || return 1
	echo $(($(wake_irqs) - irqs)) > /tmp/wake_irqs
	cat $T/results > $R
	cat $M/counters > /tmp/counters
	cat $TR/trace > /tmp/trace 2>/dev/null || : > /tmp/trace
	sed 's/^/# /' $R | grep -v calibration
	echo "# firmware: $(tr '\n' ' ' < /tmp/counters)"
}

# counter NAME: the firmware's counter after the last scm_run;
# live_counter NAME: its value now.
counter() { grep "^$1 " /tmp/counters | cut -d' ' -f2; }
live_counter() { grep "^$1 " $M/counters | cut -d' ' -f2; }

# scenario_value KEY: the mock's current setting of KEY.
scenario_value() { grep "^$1 " $M/scenario | cut -d' ' -f2; }

# traced EVENT: how many EVENT lines (sleep, resume, wake; with the 6.1
# series also timeout, poll, irq) the last run traced; "n/a" for an event
# the driver does not trace.
traced() {
	if series_driver; then
		grep -c "qcom_scm_waitq_$1:" /tmp/trace
		return 0
	fi
	case $1 in
	sleep | resume) grep -c " scm_waitq_$1:" /tmp/trace ;;
	wake) grep -c " scm_waitq_get_wq_ctx:" /tmp/trace ;;
	*) echo n/a ;;
	esac
}

# all_right [N]: the last run issued calls (N of them if given) and every
# one got its own right answer: ok == issued, nothing wrong, no errno.
all_right() {
	local line issued ok
	line=$(grep '^total ' $R) || return 1
	issued=$(echo "$line" | sed -n 's/.* issued=\([0-9]*\) .*/\1/p')
	ok=$(echo "$line" | sed -n 's/.* ok=\([0-9]*\) .*/\1/p')
	echo "$line" | grep -q ' wrong=0 errors=0$' &&
	[ "${issued:-0}" -gt 0 ] && [ "$ok" = "$issued" ] &&
	{ [ -z "$1" ] || [ "$issued" = "$1" ]; }
}

# protocol_kept COUNTER...: each of the firmware's rule counters is 0 after
# the last run.
protocol_kept() {
	local c v bad=0
	for c in "$@"; do
		v=$(counter "$c")
		[ "$v" = 0 ] || { echo "# firmware counted $c=$v"; bad=1; }
	done
	[ "$bad" = 0 ]
}

# no_error_messages: nothing of qcom_scm logged at error level or worse
# (printk levels 0..3); for runs without injected faults.
no_error_messages() {
	dmesg -r | grep -E '^<[0-3]>.*qcom' > /tmp/errors
	sed 's/^/# /' /tmp/errors
	[ ! -s /tmp/errors ]
}

# until_true N CONDITION...: wait up to N tenths of a second for CONDITION.
until_true() {
	local n=$1
	shift
	while ! "$@"; do
		n=$((n - 1))
		[ "$n" -gt 0 ] || return 1
		sleep 0.1
	done
}
