#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# smoke.sh O - boot the monitor in QEMU with each EL1 test payload and check
# the exit status QEMU ends with (include/exit_codes.h). No kernel needed.
#
# Each case: payload, -smp, expected status, and -m (MiB, default 1024: the
# payload is told the size and checks SCM buffers at the end of RAM). The
# monitor's secure-UART log of every run is kept in
# O/test/smoke-<payload>-smp<n>-m<mib>.log.
set -u

O=${1:?usage: smoke.sh BUILD_DIR}
QEMU=${QEMU:-qemu-system-aarch64}
TIMEOUT=${TIMEOUT:-30}
fail=0

# Where the payload reads the RAM size (test/payload/payload.c).
RAM_SIZE_ADDR=0x401ff000

run() {
	payload=$1 smp=$2 want=$3 mib=${4:-1024}
	log=$O/test/smoke-$payload-smp$smp-m$mib.log
	timeout "$TIMEOUT" "$QEMU" \
		-M virt,secure=on,gic-version=3 -cpu cortex-a57 -smp "$smp" -m "$mib" \
		-bios "$O/monitor.bin" \
		-semihosting-config enable=on,target=native \
		-display none -nic none \
		-serial file:"$log.ns" -serial file:"$log" \
		-device loader,file="$O/test/payload/payload-$payload.bin",addr=0x40200000,force-raw=on \
		-device loader,addr=$RAM_SIZE_ADDR,data=$((mib << 20)),data-len=8 \
		</dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then
		echo "PASS  $payload -smp $smp -m $mib: exit $got"
	else
		echo "FAIL  $payload -smp $smp -m $mib: exit $got, want $want (124 = timeout)"
		echo "----- payload (UART0):"; cat "$log.ns"
		echo "----- monitor (secure UART):"; cat "$log"
		fail=1
	fi
}

run ok 1 0
run ok 4 0
run ok 8 0
run ok 2 0 512
run ok 2 0 2048
run reset 4 1
run fault 4 3
run fault 1 3

exit $fail
