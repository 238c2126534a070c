// SPDX-License-Identifier: GPL-2.0
/*
 * cpu.c - per-CPU EL3 state, and the loop a CPU waits in while it is OFF.
 *
 * cpu_el3_init() runs on every CPU right after reset, before .data/.bss
 * exist, so it must not touch globals.
 */
#include <stdint.h>
#include "arch.h"
#include "platform.h"
#include "psci.h"

/* SCR_EL3 */
#define SCR_NS		(1UL << 0)	/* lower ELs are non-secure */
#define SCR_IRQ		(1UL << 1)	/* IRQs to EL3: left 0, Linux owns IRQs */
#define SCR_FIQ		(1UL << 2)	/* FIQs (Group 0, secure timer) to EL3 */
#define SCR_EA		(1UL << 3)	/* external aborts to EL3: left 0 */
#define SCR_RES1	(3UL << 4)	/* bits 5:4 RES1 in ARMv8.0 */
#define SCR_SMD		(1UL << 7)	/* SMC disabled: left 0 */
#define SCR_HCE		(1UL << 8)	/* HVC enabled: left 0, no EL2 in use */
#define SCR_RW		(1UL << 10)	/* next lower EL is AArch64 */

/* SCTLR_EL3 */
#define SCTLR_EL3_RES1	0x30c50830UL	/* bits 29:28, 23:22, 18, 16, 11, 5:4 */
#define SCTLR_SA	(1UL << 3)	/* SP alignment check */

/* SCTLR_EL1: MMU, caches and alignment checks off, little-endian */
#define SCTLR_EL1_RES1	0x30d00800UL	/* bits 29:28, 23:22, 20, 11 */

/* ICC_SRE_ELx */
#define ICC_SRE_SRE	(1UL << 0)	/* system-register interface to the GIC */
#define ICC_SRE_ENABLE	(1UL << 3)	/* lower ELs may use ICC_SRE_ELx too */

/* HCR_EL2, only if EL2 exists (-M virt,virtualization=on) */
#define HCR_RW		(1UL << 31)	/* EL1 is AArch64; every trap/stage 2 off */

/* CNTHCTL_EL2 */
#define CNTHCTL_EL1PCTEN (1UL << 0)	/* EL1 may read the physical counter */
#define CNTHCTL_EL1PCEN	(1UL << 1)	/* EL1 may use the physical timer */

/* CPTR_EL2 (E2H=0) */
#define CPTR_EL2_RES1	0x32ffUL	/* bits 13:12, 9, 7:0 */

#define ID_AA64PFR0_EL2_SHIFT	8

/*
 * ICC_PMR_EL1: with Group 0 owned by EL3 (SCR_EL3.FIQ), a non-secure write
 * to the priority mask is ignored while the mask is in the secure half
 * (< 0x80), and it resets to 0. Open it fully here, or Linux's own PMR
 * write is dropped and no interrupt ever reaches it.
 */
#define ICC_PMR_UNMASKED 0xffUL		/* every priority passes */

#define ICC_IGRPEN0_ENABLE 1UL		/* Group 0 (EL3's FIQs) signalled */

#define ICC_SRE_EL3	S3_6_C12_C12_5
#define ICC_IGRPEN0_EL1	S3_0_C12_C12_6
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_SRE_EL2	S3_4_C12_C9_5

/*
 * We enter EL1 directly. If the CPU has EL2 anyway, make it transparent:
 * EL1 AArch64, no traps, no stage 2, real MIDR/MPIDR visible to EL1.
 */
static void cpu_el2_passthrough(void)
{
	if (!((read_sysreg(id_aa64pfr0_el1) >> ID_AA64PFR0_EL2_SHIFT) & 0xf))
		return;
	write_sysreg(HCR_RW, hcr_el2);
	write_sysreg(read_sysreg(midr_el1), vpidr_el2);
	write_sysreg(read_sysreg(mpidr_el1), vmpidr_el2);
	write_sysreg(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN, cnthctl_el2);
	write_sysreg(0, cntvoff_el2);
	write_sysreg(0, vttbr_el2);
	write_sysreg(CPTR_EL2_RES1, cptr_el2);	/* TFP, TTA, TCPAC clear: no traps */
	write_sysreg(ICC_SRE_SRE | ICC_SRE_ENABLE, ICC_SRE_EL2);
}

/**
 * cpu_el3_init() - EL3 controls of the calling CPU, done once after reset.
 * @idx: linear CPU index, unused today (all CPUs are set up alike).
 */
void cpu_el3_init(unsigned int idx)
{
	(void)idx;

	write_sysreg(SCTLR_EL3_RES1 | SCTLR_SA, sctlr_el3);	/* MMU, caches, alignment faults off */
	write_sysreg(SCR_RES1 | SCR_NS | SCR_FIQ | SCR_RW, scr_el3);
	write_sysreg(0, cptr_el3);	/* FP/SIMD (TFP), CPACR (TCPAC), trace (TTA) not trapped */
	write_sysreg(0, mdcr_el3);	/* debug and PMU registers not trapped */
	write_sysreg(ICC_SRE_SRE | ICC_SRE_ENABLE, ICC_SRE_EL3);
	isb();
	write_sysreg(ICC_PMR_UNMASKED, ICC_PMR_EL1);
	/* Every CPU takes Group 0: the secure timer, and its hand-off SGI. */
	write_sysreg(ICC_IGRPEN0_ENABLE, ICC_IGRPEN0_EL1);
	write_sysreg(SCTLR_EL1_RES1, sctlr_el1);

	/* QEMU sets CNTFRQ; only the highest EL may, so fix it if it did not. */
	if (read_sysreg(cntfrq_el0) == 0)
		write_sysreg(PLAT_CNTFRQ_DEFAULT, cntfrq_el0);

	cpu_el2_passthrough();
	isb();
}

/**
 * cpu_park() - wait, OFF, until PSCI CPU_ON hands this CPU an entry point.
 * @idx: linear index of the calling CPU.
 *
 * The mailbox is checked before every WFE, so a CPU_ON that lands before we
 * get here (or between the check and the WFE, its SEV sets our event
 * register) is never lost.
 */
void __noreturn cpu_park(unsigned int idx)
{
	uint64_t entry, context_id;

	while (!psci_cpu_take_entry(idx, &entry, &context_id))
		wfe();
	/*
	 * A CPU that Linux turned off left its MMU and caches on; CPU_ON must
	 * start it as if from reset, or its first fetch at the physical entry
	 * address goes through stale EL1 translations.
	 */
	write_sysreg(SCTLR_EL1_RES1, sctlr_el1);
	isb();
	el3_enter_el1(entry, context_id, idx);
}
