// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - the secure physical timer that drives the simulated second VM,
 * and its FIQ.
 *
 * CNTPS_* (PPI 13, INTID 29) is Group 0, so with SCR_EL3.FIQ it arrives
 * here as an FIQ from the lower EL. One CPU owns the timer at a time: the
 * last one that programmed it (plat_timer_set(), called with the SCM lock
 * held). A CPU whose timer fires after it lost ownership just switches its
 * timer off, and a CPU going OFF gives ownership up (timer_cpu_off()); the
 * next SCM call on any CPU takes it again (scm_handle()).
 */
#include <stdint.h>
#include "arch.h"
#include "plat.h"
#include "platform.h"
#include "scm_model.h"

#define ICC_IAR0_EL1		S3_0_C12_C8_0
#define ICC_EOIR0_EL1		S3_0_C12_C8_1
#define ICC_IGRPEN0_EL1		S3_0_C12_C12_6
#define INTID_SPURIOUS_FIRST	1020

#define CNTPS_CTL_ENABLE	(1UL << 0)	/* IMASK (bit 1) stays 0 */

#define GICR_SGI_OFFSET		0x10000
#define GICR_ISENABLER0		0x0100
#define GICR_IPRIORITYR(n)	(0x0400 + (n))
#define TIMER_PRIORITY		0x10		/* Group 0: anything below PMR 0xff */

static int timer_owner = -1;

static uint64_t us_to_ticks(uint64_t us)
{
	return us * read_sysreg(cntfrq_el0) / 1000000;
}

uint64_t plat_now_us(void)
{
	return read_sysreg(cntpct_el0) * 1000000 / read_sysreg(cntfrq_el0);
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

/* Let INTID 29 of this CPU through to EL3: redistributor enable, Group 0 on. */
static void timer_take_ownership(unsigned int cpu)
{
	uintptr_t sgi = PLAT_GICR_BASE + cpu * PLAT_GICR_STRIDE + GICR_SGI_OFFSET;

	*(volatile uint8_t *)(sgi + GICR_IPRIORITYR(PLAT_SECURE_TIMER_INTID)) = TIMER_PRIORITY;
	mmio_write32(sgi + GICR_ISENABLER0, 1U << PLAT_SECURE_TIMER_INTID);
	write_sysreg(1, ICC_IGRPEN0_EL1);
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

/* PSCI CPU_OFF: this CPU's timer must not be the only one keeping time. */
void timer_cpu_off(void);
void timer_cpu_off(void)
{
	scm_lock();
	timer_program(0);
	if (timer_owner == (int)plat_my_cpu_index())
		timer_owner = -1;
	scm_unlock();
}

/* Called from arch/vectors.S for an FIQ taken from the lower EL. */
void el3_fiq(void);
void el3_fiq(void)
{
	uint64_t iar = read_sysreg(ICC_IAR0_EL1);
	uint32_t intid = (uint32_t)iar & 0xffffff;

	if (intid >= INTID_SPURIOUS_FIRST)
		return;
	if (intid != PLAT_SECURE_TIMER_INTID)
		el3_unexpected(10);	/* any other Group 0 interrupt is a bug */
	scm_lock();
	if (timer_owner == (int)plat_my_cpu_index())
		timer_program(contender_tick(plat_now_us()));
	else
		timer_program(0);
	scm_unlock();
	write_sysreg(iar, ICC_EOIR0_EL1);
	isb();
}
