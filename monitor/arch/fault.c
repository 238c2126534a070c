// SPDX-License-Identifier: GPL-2.0
/*
 * fault.c - an exception EL3 did not expect: say what it was and stop QEMU.
 *
 * Stopping (MON_EXIT_FAULT) rather than returning is deliberate: the runner
 * gets a distinct status instead of a hang it can only time out on.
 */
#include <stdint.h>
#include "arch.h"
#include "console.h"
#include "exit_codes.h"
#include "platform.h"
#include "semihost.h"
#include "uart.h"

static const char *const vector_names[16] = {
	"sync from EL3 (SP_EL0)", "IRQ at EL3 (SP_EL0)",
	"FIQ at EL3 (SP_EL0)", "SError at EL3 (SP_EL0)",
	"sync from EL3", "IRQ at EL3", "FIQ at EL3", "SError at EL3",
	"sync (not SMC) from lower EL AArch64", "IRQ from lower EL AArch64",
	"FIQ from lower EL AArch64", "SError from lower EL AArch64",
	"sync from lower EL AArch32", "IRQ from lower EL AArch32",
	"FIQ from lower EL AArch32", "SError from lower EL AArch32",
};

/* First CPU to fault reports; any other waits for QEMU to go away. */
static uint32_t fault_owner;

void __noreturn el3_unexpected(unsigned int vector)
{
	uint64_t esr = read_sysreg(esr_el3);
	uint64_t elr = read_sysreg(elr_el3);
	uint64_t far = read_sysreg(far_el3);
	uint64_t spsr = read_sysreg(spsr_el3);
	uint64_t mpidr = read_sysreg(mpidr_el1);

	if (__atomic_exchange_n(&fault_owner, 1, __ATOMIC_ACQ_REL))
		cpu_dead();

	uart_init();	/* the fault may predate console_init() */
	console_emergency_printf(
		"\nmonitor: FATAL: %s on cpu%d (MPIDR 0x%llx)\n"
		"monitor:   ESR_EL3 0x%llx (EC 0x%llx) ELR_EL3 0x%llx\n"
		"monitor:   FAR_EL3 0x%llx SPSR_EL3 0x%llx\n"
		"monitor: exiting with status %d\n",
		vector < 16 ? vector_names[vector] : "unknown exception",
		plat_core_pos(mpidr), (unsigned long long)mpidr,
		(unsigned long long)esr, (unsigned long long)(esr >> 26),
		(unsigned long long)elr, (unsigned long long)far,
		(unsigned long long)spsr, MON_EXIT_FAULT);

	semihost_exit(MON_EXIT_FAULT);
	console_emergency_printf("monitor: semihosting is off, halting\n");
	cpu_dead();
}
