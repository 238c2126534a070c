// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - the secure physical timer that drives the model's clock (the
 * second VM, second-VM holds, abandoned calls), and its FIQ.
 *
 * CNTPS_* (PPI 13, INTID 29) is Group 0, so with SCR_EL3.FIQ it arrives
 * here as an FIQ from the lower EL. One CPU owns the clock at a time: the
 * last one that programmed it (plat_timer_set(), called with the SCM lock
 * held). A CPU whose timer fires after it lost ownership just switches its
 * timer off. A CPU going OFF hands the clock to a CPU that is still ON
 * with a Group 0 SGI (PLAT_TIMER_HANDOFF_SGI), which programs its own
 * timer: nothing else would advance the second VM until some SCM call,
 * and a resource it holds would never be released.
 */
#include <stdint.h>
#include "arch.h"
#include "gic.h"
#include "model.h"
#include "plat.h"
#include "platform.h"
#include "psci.h"
#include "scm.h"
#include "timer.h"

#define ICC_IAR0_EL1		S3_0_C12_C8_0
#define ICC_EOIR0_EL1		S3_0_C12_C8_1
#define ICC_SGI0R_EL1		S3_0_C12_C11_7
#define INTID_SPURIOUS_FIRST	1020
#define INTID_MASK		0xffffff

/* ICC_SGI0R_EL1 fields */
#define SGIR_INTID_SHIFT	24
#define SGIR_AFF1_SHIFT		16

#define CNTPS_CTL_ENABLE	(1UL << 0)	/* IMASK (bit 1) stays 0 */
#define US_PER_SEC		1000000
#define NS_PER_SEC		1000000000ULL

static int timer_owner = -1;

static uint64_t us_to_ticks(uint64_t us)
{
	return us * read_sysreg(cntfrq_el0) / US_PER_SEC;
}

uint64_t plat_now_us(void)
{
	return read_sysreg(cntpct_el0) * US_PER_SEC / read_sysreg(cntfrq_el0);
}

uint64_t plat_ticks(void)
{
	isb();	/* not read ahead of what came before */
	return read_sysreg(cntpct_el0);
}

/* Whole seconds apart: ticks * 10^9 alone would overflow after 5 minutes at 62.5 MHz. */
uint64_t plat_ticks_to_ns(uint64_t ticks)
{
	uint64_t freq = read_sysreg(cntfrq_el0);

	return ticks / freq * NS_PER_SEC + ticks % freq * NS_PER_SEC / freq;
}

static void timer_program(uint64_t deadline_us)
{
	if (!deadline_us) {
		write_sysreg(0, cntps_ctl_el1);
		isb();
		return;
	}
	write_sysreg(us_to_ticks(deadline_us), cntps_cval_el1);
	write_sysreg(CNTPS_CTL_ENABLE, cntps_ctl_el1);
	isb();
}

/* Let INTID 29 of this CPU through to EL3 and make it the owner. */
static void timer_take_ownership(unsigned int cpu)
{
	uintptr_t sgi = GICR_SGI_BASE(cpu);

	*(volatile uint8_t *)(sgi + GICR_IPRIORITYR(PLAT_SECURE_TIMER_INTID)) = GIC_EL3_PRIORITY;
	mmio_write32(sgi + GICR_ISENABLER0, 1U << PLAT_SECURE_TIMER_INTID);
	isb();
	timer_owner = (int)cpu;
}

void plat_timer_set(uint64_t deadline_us)
{
	unsigned int cpu = plat_my_cpu_index();

	if (timer_owner != (int)cpu) {
		if (!deadline_us)
			return;		/* nothing to run, leave ownership alone */
		timer_take_ownership(cpu);
	}
	timer_program(deadline_us);
}

/* A Group 0 SGI to CPU @cpu (linear index), taken there as an FIQ at EL3. */
static void timer_send_handoff(unsigned int cpu)
{
	uint64_t aff0 = cpu % PLAT_CPUS_PER_CLUSTER, aff1 = cpu / PLAT_CPUS_PER_CLUSTER;

	dsb_sy();	/* timer_owner is visible before the SGI lands */
	write_sysreg(((uint64_t)PLAT_TIMER_HANDOFF_SGI << SGIR_INTID_SHIFT) |
		     (aff1 << SGIR_AFF1_SHIFT) | (1ULL << aff0), ICC_SGI0R_EL1);
	isb();
}

void timer_cpu_off(void)
{
	unsigned int me = plat_my_cpu_index();
	int next;

	scm_lock();
	timer_program(0);
	if (timer_owner == (int)me) {
		next = psci_other_on_cpu(me);
		timer_owner = next;	/* -1: the next SCM call takes it */
		if (next >= 0)
			timer_send_handoff((unsigned int)next);
	}
	scm_unlock();
}

void el3_fiq(void)
{
	uint64_t iar = read_sysreg(ICC_IAR0_EL1);
	uint32_t intid = (uint32_t)iar & INTID_MASK;
	unsigned int me = plat_my_cpu_index();

	if (intid >= INTID_SPURIOUS_FIRST)
		return;
	if (intid != PLAT_SECURE_TIMER_INTID && intid != PLAT_TIMER_HANDOFF_SGI)
		el3_unexpected(10);	/* any other Group 0 interrupt is a bug */
	scm_lock();
	if (timer_owner == (int)me) {
		/* Our tick, or the clock just handed to us by a CPU going OFF. */
		if (intid == PLAT_TIMER_HANDOFF_SGI)
			timer_take_ownership(me);
		timer_program(scm_tick(plat_now_us()));
	} else if (intid == PLAT_SECURE_TIMER_INTID) {
		timer_program(0);
	}
	scm_unlock();
	write_sysreg(iar, ICC_EOIR0_EL1);
	isb();
}
