# SPDX-License-Identifier: GPL-2.0
# The guest scenarios on which upstream's own wait-queue implementation
# (unpatched Linux 6.12 plus the test module: make peer) is compared with
# our series, on both lines. Sourced by tests/check.sh (group peer) and
# tests/peer/compare.sh, each with its own "scenario" function:
#
#   scenario NAME UPSTREAM ARGS...
#
# UPSTREAM is what upstream's driver does there: "pass"; "hang" where it
# blocks by design (tests/peer/run.sh says how a hang is detected and what
# makes it the expected one); "fail:N" where by design it fails the
# payload's check N and no other. Our series must pass every scenario.
# ARGS are scripts/run-qemu.sh options and a payload of tests/guest/, as in
# tests/check.sh's rows; only payloads whose checks hold for any driver
# (the test module's answers, the firmware's counters) are used, not the
# ones that read our series' tracepoints, KUnit suite or messages.

peer_guest=$TOP/tests/guest
# The second VM's contention (as tests/check.sh's guest rows).
peer_load="period_us=3000 hold_us=1500 jitter_us=500"

scenario boot pass --timeout 120 "$peer_guest/boot"
scenario hotplug pass --timeout 120 "$peer_guest/hotplug"
scenario scm-calls pass --timeout 300 "$peer_guest/scm-calls"
scenario smc32 pass --timeout 300 --scenario 'smc64=0' "$peer_guest/scm-calls"
scenario legacy-spin pass --timeout 300 --scenario "mode=spin $peer_load seed=3" \
	"$peer_guest/legacy"
scenario legacy-busy pass --timeout 300 --scenario "mode=busy $peer_load seed=4" \
	"$peer_guest/legacy"
# Wait-queue firmware under contention, 1 and 4 wait queues, wake
# interrupt from the device tree or only from GET_INFO.
scenario waitq-k1 pass --timeout 300 --scenario "$peer_load seed=1 k=1" \
	"$peer_guest/scm-calls"
scenario waitq-k4 pass --timeout 300 --scenario "$peer_load seed=2 k=4" \
	"$peer_guest/scm-calls"
scenario waitq-irq-from-get-info pass --timeout 300 --no-wake-irq \
	--scenario "$peer_load seed=8 k=4" "$peer_guest/scm-calls"
# Two calls parked at once with 4 wait queues: upstream keeps its SMC lock
# while a call sleeps, so firmware parks one and the other waits for the
# lock (check 3, "parked beside it").
scenario waitq-parallel fail:3 --timeout 120 --scenario 'k=4' "$peer_guest/waitq-parallel"
# The seed's scenario on wait-queue firmware: a resource held 5 s of 6.
scenario seed-waitq pass --timeout 300 \
	--scenario "mode=waitq period_us=6000000 hold_us=5000000 seed=5" \
	"$peer_guest/contention"
# Where upstream blocks: a wake interrupt firmware never raises (every
# 20th), no wake interrupt at all (none in the device tree, no GET_INFO),
# and WAKE_ALL wakes. The last two may block already in rmtfs_mem's
# probe, during boot (WAKE_ALL always does), where the hung-task detector
# has its default timeouts (tests/peer/run.sh): 300 s. The first wake
# dropped is the 20th, long after boot: 90 s, where our series needs
# under 30 s for the whole payload.
scenario lost-wake hang --timeout 90 \
	--scenario "$peer_load seed=2 k=4 faults=drop-wake fault_every=20" \
	"$peer_guest/scm-calls"
scenario no-wake-irq hang --timeout 300 --no-wake-irq \
	--scenario "$peer_load seed=6 get_info=0" "$peer_guest/scm-calls"
scenario wake-all hang --timeout 300 --scenario "$peer_load seed=2 k=1 wake=all" \
	"$peer_guest/scm-calls"
