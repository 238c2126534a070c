/* SPDX-License-Identifier: GPL-2.0 */
/* gic.h - GICv3 set-up the non-secure world cannot do for itself. */
#ifndef MONITOR_GIC_H
#define MONITOR_GIC_H

#include "platform.h"

/* Redistributor SGI_base frame (one per CPU, after its RD_base frame). */
#define GICR_SGI_OFFSET		0x10000
#define GICR_IGROUPR0		0x0080
#define GICR_ISENABLER0		0x0100
#define GICR_IPRIORITYR(n)	(0x0400 + (n))	/* byte access */
#define GICR_IGRPMODR0		0x0d00

/* The SGI_base frame of CPU @cpu (linear index). */
#define GICR_SGI_BASE(cpu)	(PLAT_GICR_BASE + (cpu) * PLAT_GICR_STRIDE + GICR_SGI_OFFSET)

/* Group 0 interrupts (EL3's, FIQs): anything below PMR 0xff gets through. */
#define GIC_EL3_PRIORITY	0x10

unsigned int gic_init(void);

#endif /* MONITOR_GIC_H */
