// SPDX-License-Identifier: GPL-2.0
/*
 * gic.c - GICv3 set-up that only the secure side may do.
 *
 * When firmware runs, QEMU resets every interrupt to Group 0, which the
 * non-secure world can neither see nor change: Linux would get no
 * interrupts at all. So, from EL3: enable affinity routing and both
 * groups, move every SPI, SGI and PPI to Group 1 non-secure except the
 * secure physical timer and the timer hand-off SGI (kept in Group 0 for
 * EL3), and wake every
 * redistributor. Counting the redistributors also tells us how many CPUs
 * the machine has.
 */
#include <stdint.h>
#include "arch.h"
#include "console.h"
#include "gic.h"
#include "platform.h"

/* Distributor */
#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IGROUPR(n)		(0x0080 + 4 * (n))
#define GICD_IGRPMODR(n)	(0x0d00 + 4 * (n))

#define GICD_CTLR_ENABLE_G0	(1U << 0)	/* Group 0 (secure, FIQ to EL3) */
#define GICD_CTLR_ENABLE_G1NS	(1U << 1)	/* Group 1 non-secure (Linux) */
#define GICD_CTLR_ARE_S		(1U << 4)	/* affinity routing, secure */
#define GICD_CTLR_ARE_NS	(1U << 5)	/* affinity routing, non-secure */
#define GICD_CTLR_RWP		(1U << 31)	/* register write pending */
#define GICD_TYPER_ITLINES	0x1f		/* 32 * (N + 1) INTIDs */

/* Redistributor, RD_base frame */
#define GICR_TYPER		0x0008
#define GICR_WAKER		0x0014
#define GICR_TYPER_VLPIS	(1ULL << 1)	/* two more 64 KiB frames per CPU */
#define GICR_TYPER_LAST		(1ULL << 4)
#define GICR_WAKER_PROC_SLEEP	(1U << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1U << 2)

/* Bounded polls: report and carry on rather than hang the boot. */
#define GIC_POLL_SPIN		1000000

static void gicd_wait_rwp(void)
{
	unsigned int spin = GIC_POLL_SPIN;

	while (mmio_read32(PLAT_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
		if (!--spin) {
			console_printf("monitor: gic: GICD_CTLR.RWP stuck\n");
			return;
		}
}

static void gicd_init(void)
{
	uint32_t lines = (mmio_read32(PLAT_GICD_BASE + GICD_TYPER) & GICD_TYPER_ITLINES) + 1;
	uint32_t n;

	/* ARE first: changing it with a group enabled is UNPREDICTABLE. */
	mmio_write32(PLAT_GICD_BASE + GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS);
	gicd_wait_rwp();

	/* Register 0 (SGIs, PPIs) is banked in the redistributors with ARE on. */
	for (n = 1; n < lines; n++) {
		mmio_write32(PLAT_GICD_BASE + GICD_IGROUPR(n), 0xffffffff);
		mmio_write32(PLAT_GICD_BASE + GICD_IGRPMODR(n), 0);
	}

	mmio_write32(PLAT_GICD_BASE + GICD_CTLR,
		     GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS |
		     GICD_CTLR_ENABLE_G0 | GICD_CTLR_ENABLE_G1NS);
	gicd_wait_rwp();
}

static void gicr_init_one(uintptr_t rd, unsigned int n)
{
	uintptr_t sgi = rd + GICR_SGI_OFFSET;
	unsigned int spin = GIC_POLL_SPIN;
	uint32_t waker = mmio_read32(rd + GICR_WAKER);

	mmio_write32(rd + GICR_WAKER, waker & ~GICR_WAKER_PROC_SLEEP);
	while (mmio_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		if (!--spin) {
			console_printf("monitor: gic: redistributor %u stays asleep\n", n);
			break;
		}

	/* Group 0, EL3's own: the secure timer and the timer hand-off SGI. */
	mmio_write32(sgi + GICR_IGROUPR0,
		     ~((1U << PLAT_SECURE_TIMER_INTID) | (1U << PLAT_TIMER_HANDOFF_SGI)));
	mmio_write32(sgi + GICR_IGRPMODR0, 0);
	*(volatile uint8_t *)(sgi + GICR_IPRIORITYR(PLAT_TIMER_HANDOFF_SGI)) = GIC_EL3_PRIORITY;
	mmio_write32(sgi + GICR_ISENABLER0, 1U << PLAT_TIMER_HANDOFF_SGI);
}

/**
 * gic_init() - distributor and every redistributor, from the boot CPU.
 *
 * Return: the number of redistributors, i.e. of CPUs.
 */
unsigned int gic_init(void)
{
	uintptr_t rd = PLAT_GICR_BASE;
	unsigned int n;

	gicd_init();
	for (n = 0; n < PLAT_GICR_MAX_FRAMES; ) {
		uint64_t typer = mmio_read64(rd + GICR_TYPER);

		gicr_init_one(rd, n++);
		if (typer & GICR_TYPER_LAST)
			break;
		rd += (typer & GICR_TYPER_VLPIS) ? 2 * PLAT_GICR_STRIDE : PLAT_GICR_STRIDE;
	}
	return n;
}
