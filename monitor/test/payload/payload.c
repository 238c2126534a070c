// SPDX-License-Identifier: GPL-2.0
/*
 * payload.c - EL1 smoke test for the monitor, standing in for Linux.
 *
 * Built three ways (see the Makefile); each must end QEMU with a known
 * status (include/exit_codes.h):
 *   PAYLOAD_MODE_ok     SMCCC/PSCI/SCM calls, unknown IDs, SCM buffers at
 *                       the end of RAM (its size at PAYLOAD_RAM_SIZE_ADDR,
 *                       put there by smoke.sh), the second VM's clock
 *                       handed on by a CPU going OFF, CPU_ON/OFF of every
 *                       secondary twice, then SYSTEM_OFF              -> 0
 *                       (any failed check: SYSTEM_RESET               -> 1)
 *   PAYLOAD_MODE_reset  SYSTEM_RESET                                  -> 1
 *   PAYLOAD_MODE_fault  reads ICC_IAR0_EL1, which SCR_EL3.FIQ traps
 *                       to EL3: the monitor's fault path              -> 3
 * Progress goes to UART0 (the first -serial).
 */
#include <stdint.h>

#define UART0_DR	0x09000000UL
#define UART0_FR	0x09000018UL
#define NCPUS_MAX	8
#define CTXID_BASE	0xc0ffee00ULL
#define CTXID_SCM_FIRST	0x100000000ULL	/* secondary: one SCM call before CPU_OFF */
#define RAM_BASE	0x40000000ULL
/* A u64 below the payload: the machine's RAM size (-m), or 0 if not given. */
#define PAYLOAD_RAM_SIZE_ADDR	0x401ff000UL

#define PSCI_VERSION		0x84000000U
#define PSCI_CPU_SUSPEND	0x84000001U
#define PSCI_CPU_OFF		0x84000002U
#define PSCI_CPU_ON64		0xc4000003U
#define PSCI_CPU_ON		0x84000003U
#define PSCI_AFFINITY_INFO64	0xc4000004U
#define PSCI_MIGRATE_INFO_TYPE	0x84000006U
#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_SYSTEM_RESET	0x84000009U
#define PSCI_FEATURES		0x8400000aU
#define SMCCC_VERSION		0x80000000U
#define SMCCC_ARCH_FEATURES	0x80000001U
#define SMCCC_ARCH_WORKAROUND_1	0x80008000U
#define SCM_IS_CALL_AVAIL	0xc2000601U

void payload_main(void);
void payload_secondary(uint64_t context_id);
void payload_el1_exception(uint64_t esr, uint64_t elr);
void payload_irq(void);
extern char secondary_entry[];

static volatile uint64_t arrived[NCPUS_MAX];
static unsigned int failures;

static void putc_(char c)
{
	while (*(volatile uint32_t *)UART0_FR & (1U << 5))
		;
	*(volatile uint32_t *)UART0_DR = (uint32_t)c;
}

static void puts_(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc_('\r');
		putc_(*s);
	}
}

static void puthex(uint64_t v)
{
	int i;

	puts_("0x");
	for (i = 60; i >= 0; i -= 4)
		putc_("0123456789abcdef"[(v >> i) & 0xf]);
}

/* One SMC with all of x0..x7 in and out, so preservation can be checked. */
static void smc(uint64_t r[8])
{
	register uint64_t x0 __asm__("x0") = r[0];
	register uint64_t x1 __asm__("x1") = r[1];
	register uint64_t x2 __asm__("x2") = r[2];
	register uint64_t x3 __asm__("x3") = r[3];
	register uint64_t x4 __asm__("x4") = r[4];
	register uint64_t x5 __asm__("x5") = r[5];
	register uint64_t x6 __asm__("x6") = r[6];
	register uint64_t x7 __asm__("x7") = r[7];

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3),
			   "+r"(x4), "+r"(x5), "+r"(x6), "+r"(x7)
			 : : "memory");
	r[0] = x0; r[1] = x1; r[2] = x2; r[3] = x3;
	r[4] = x4; r[5] = x5; r[6] = x6; r[7] = x7;
}

static int64_t smc3(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	uint64_t r[8] = { fid, a1, a2, a3, 0, 0, 0, 0 };

	smc(r);
	return (int64_t)r[0];
}

static void check(const char *what, int64_t got, int64_t want)
{
	if (got == want)
		return;
	failures++;
	puts_("payload: FAIL ");
	puts_(what);
	puts_(": got ");
	puthex((uint64_t)got);
	puts_(" want ");
	puthex((uint64_t)want);
	puts_("\n");
}

static uint64_t now(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
	return v;
}

static uint64_t ticks_per_sec(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

/*
 * The SCM model on real EL3: a parked call woken by the wake SPI (raised
 * in the GIC, checked as pending here), and the contender's secure timer
 * FIQ taking resources while we wait at EL1.
 */
#define SCM_PAS_IS_SUPPORTED	0x42000207U
#define SCM_IO_WRITE		0xc2000502U
#define SCM_IO_READ		0xc2000501U
#define SCM_GET_WQ_CTX		0xc2002403U
#define SCM_RESUME		0x42002402U
#define CTL(fn)			(0xc3000000U | (fn))
#define GICD_ISPENDR1		0x08000204UL
#define GICD_ICPENDR1		0x08000284UL
#define WAKE_BIT		(1U << (42 - 32))

static void check_scm_model(void)
{
	uint64_t r[8], token, end;
	unsigned int i;

	for (i = 0; i < 8; i++)
		r[i] = 0;

	check("IO WRITE", smc3(SCM_IO_WRITE, 2, 0x1000, 0xabcd), 0);
	smc3(SCM_IO_READ, 1, 0x1000, 0);
	r[0] = SCM_IO_READ; r[1] = 1; r[2] = 0x1000;
	smc(r);
	check("IO READ x1", (int64_t)r[1], 0xabcd);

	check("CTL HOLD 0", smc3(CTL(0x06), 0, 0, 0), 0);
	r[0] = SCM_PAS_IS_SUPPORTED; r[1] = 1; r[2] = 4;
	smc(r);
	check("PAS on held resource: SLEEP", (int64_t)r[0], 2);
	check("SLEEP wq_ctx", (int64_t)r[1], 0);
	token = r[2];
	check("GET_WQ_CTX, nothing woken", smc3(SCM_GET_WQ_CTX, 0, 0, 0), -1);
	check("CTL RELEASE 0", smc3(CTL(0x07), 0, 0, 0), 0);
	check("wake SPI 42 pending", *(volatile uint32_t *)GICD_ISPENDR1 & WAKE_BIT, WAKE_BIT);
	*(volatile uint32_t *)GICD_ICPENDR1 = WAKE_BIT;
	r[0] = SCM_GET_WQ_CTX; r[1] = 0;
	smc(r);
	check("GET_WQ_CTX x0", (int64_t)r[0], 0);
	check("GET_WQ_CTX ctx", (int64_t)r[1], 0);
	check("GET_WQ_CTX WAKE_ONE", (int64_t)r[2], 1);
	check("GET_WQ_CTX more", (int64_t)r[3], 0);
	r[0] = SCM_RESUME; r[1] = 1; r[2] = token;
	smc(r);
	check("RESUME x0", (int64_t)r[0], 0);
	check("RESUME x1 (PAS 4 supported)", (int64_t)r[1], 1);
	check("RESUME again", smc3(SCM_RESUME, 1, token, 0), -2);

	/* Contender every 2 ms for 1 ms: its timer FIQ runs while we wait at EL1. */
	check("CTL SET hold", smc3(CTL(0x01), 0x06, 1000, 0), 0);
	check("CTL SET period", smc3(CTL(0x01), 0x07, 2000, 0), 0);
	/* QEMU may run this vCPU rarely with many others spinning: wait up to 2 s. */
	end = now() + 2 * ticks_per_sec();
	do {
		r[0] = CTL(0x02); r[1] = 0x0b;
		smc(r);
	} while (r[0] == 0 && r[1] < 3 && now() < end);
	check("CTL GET_COUNTER", (int64_t)r[0], 0);
	check("contender took a resource 3 times (timer FIQ at EL3)", r[1] >= 3, 1);
	check("CTL RELEASE_ALL", smc3(CTL(0x04), 0, 0, 0), 0);
	*(volatile uint32_t *)GICD_ICPENDR1 = WAKE_BIT;

	/*
	 * Legacy spin mode: the call waits at EL3 until the contender lets go.
	 * The hold starts when the period is set; it lasts 300 ms, so that
	 * this vCPU, descheduled by the host for a few ms between setting the
	 * period and calling, still finds the resource held (a 3 ms hold was
	 * missed that way once).
	 */
	check("CTL SET mode=spin", smc3(CTL(0x01), 0x01, 1, 0), 0);
	check("CTL SET hold 300 ms", smc3(CTL(0x01), 0x06, 300000, 0), 0);
	check("CTL SET period 1 s", smc3(CTL(0x01), 0x07, 1000000, 0), 0);
	end = now();
	r[0] = SCM_PAS_IS_SUPPORTED; r[1] = 1; r[2] = 4;
	smc(r);
	check("spin: PAS x0", (int64_t)r[0], 0);
	check("spin: PAS x1", (int64_t)r[1], 1);
	check("spin: waited >= 2 ms at EL3", now() - end >= ticks_per_sec() / 500, 1);
	check("CTL RELEASE_ALL", smc3(CTL(0x04), 0, 0, 0), 0);
	check("CTL SET mode=waitq", smc3(CTL(0x01), 0x01, 0, 0), 0);
}

/*
 * SCM buffers are checked against the RAM the device tree describes: at
 * its very end a buffer is read, one byte past it is refused with -3
 * (reading it would abort at EL3), and RAM above 1 GiB (-m 2048) works.
 */
#define SCM_HDCP_INVOKE		0x42001101U
#define HDCP_BUF_BYTES		56		/* arguments 3..9, u64 each */

static int64_t hdcp_with_buffer(uint64_t pa)
{
	uint64_t r[8];
	unsigned int i;

	for (i = 0; i < 8; i++)
		r[i] = 0;
	r[0] = SCM_HDCP_INVOKE;
	r[1] = 10;
	r[5] = pa;
	smc(r);
	return (int64_t)r[0];
}

static void check_ram_buffers(void)
{
	uint64_t size = *(volatile uint64_t *)PAYLOAD_RAM_SIZE_ADDR, end = RAM_BASE + size;

	if (!size) {
		check("RAM size given at PAYLOAD_RAM_SIZE_ADDR", 0, 1);
		return;
	}
	check("HDCP buffer at the end of RAM", hdcp_with_buffer(end - HDCP_BUF_BYTES), 0);
	check("HDCP buffer one byte past RAM", hdcp_with_buffer(end - HDCP_BUF_BYTES + 1), -3);
	check("HDCP buffer in unbacked memory", hdcp_with_buffer(end + 0x100000), -3);
	if (end > 0x80000000ULL)
		check("HDCP buffer above 1 GiB", hdcp_with_buffer(0x80000000ULL), 0);
	else
		check("HDCP buffer past -m", hdcp_with_buffer(0x80000000ULL), -3);
}

/* Wait up to 2 s for arrived[cpu] == want. */
static int wait_arrived(unsigned int cpu, uint64_t want)
{
	uint64_t end = now() + 2 * ticks_per_sec();

	while (now() < end)
		if (arrived[cpu] == want)
			return 1;
	return 0;
}

/* Wait up to 2 s for AFFINITY_INFO(cpu) == state. */
static int64_t wait_affinity(unsigned int cpu, int64_t state)
{
	uint64_t end = now() + 2 * ticks_per_sec();
	int64_t got;

	do {
		got = smc3(PSCI_AFFINITY_INFO64, cpu, 0, 0);
	} while (got != state && now() < end);
	return got;
}

static void __attribute__((noreturn)) finish(void)
{
	if (failures) {
		puts_("payload: FAILED, SYSTEM_RESET\n");
		smc3(PSCI_SYSTEM_RESET, 0, 0, 0);
	} else {
		puts_("payload: all checks passed, SYSTEM_OFF\n");
		smc3(PSCI_SYSTEM_OFF, 0, 0, 0);
	}
	puts_("payload: monitor returned from SYSTEM_OFF/RESET\n");
	for (;;)
		__asm__ volatile("wfi");
}

static void check_unknown_ids(void)
{
	static const uint32_t fids[] = {
		0xc5000000, 0x8600ffff, 0x00000000, 0xffffffff, 0x3f000000,
		0x84000000 | 0x00010000, PSCI_CPU_SUSPEND, 0x83000001, 0xf2000000,
	};
	unsigned int i;

	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		uint64_t r[8] = { fids[i], 1, 2, 3, 0x44, 0x55, 0x66, 0x77 };

		smc(r);
		check("unknown ID", (int64_t)r[0], -1);
		check("x4 preserved", (int64_t)r[4], 0x44);
		check("x5 preserved", (int64_t)r[5], 0x55);
		check("x6 preserved", (int64_t)r[6], 0x66);
		check("x7 preserved", (int64_t)r[7], 0x77);
	}
}

static void check_calls(void)
{
	uint64_t r[8];
	unsigned int i;

	for (i = 0; i < 8; i++)
		r[i] = 0;
	r[0] = SCM_IS_CALL_AVAIL;
	r[1] = 1;
	r[2] = (2U << 24) | 0x0601;

	check("PSCI_VERSION", smc3(PSCI_VERSION, 0, 0, 0), 0x10000);
	check("SMCCC_VERSION", smc3(SMCCC_VERSION, 0, 0, 0), 0x10001);
	check("ARCH_FEATURES(VERSION)", smc3(SMCCC_ARCH_FEATURES, SMCCC_VERSION, 0, 0), 0);
	check("ARCH_FEATURES(WA1)", smc3(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_1, 0, 0), -1);
	check("PSCI_FEATURES(CPU_ON64)", smc3(PSCI_FEATURES, PSCI_CPU_ON64, 0, 0), 0);
	check("PSCI_FEATURES(SMCCC_VERSION)", smc3(PSCI_FEATURES, SMCCC_VERSION, 0, 0), 0);
	check("PSCI_FEATURES(CPU_SUSPEND)", smc3(PSCI_FEATURES, PSCI_CPU_SUSPEND, 0, 0), -1);
	check("MIGRATE_INFO_TYPE", smc3(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0), 2);

	smc(r);
	check("SCM IS_CALL_AVAIL x0", (int64_t)r[0], 0);
	check("SCM IS_CALL_AVAIL x1", (int64_t)r[1], 1);
	check("SCM other call", smc3(0x42000c17, 1, 0, 0), -1);

	check("CPU_ON self", smc3(PSCI_CPU_ON64, 0, 0x40200000, 0), -4);
	check("CPU_ON no such CPU", smc3(PSCI_CPU_ON64, 0x100, 0x40200000, 0), -2);
	check("AFFINITY_INFO level 1", smc3(PSCI_AFFINITY_INFO64, 0, 1, 0), -2);
	check("AFFINITY_INFO self", smc3(PSCI_AFFINITY_INFO64, 0, 0, 0), 0);
}

/*
 * One interrupt end to end, the way Linux gets its timer tick: the EL1
 * virtual timer (PPI 27) through the GICv3 as a Group 1 non-secure IRQ.
 * Fails if the monitor left the PPI in Group 0 or ICC_PMR_EL1 in the
 * secure range (where non-secure writes to it are ignored).
 */
#define GICR_SGI_BASE		(0x080a0000UL + 0x10000)	/* CPU 0 */
#define GICR_ISENABLER0		(GICR_SGI_BASE + 0x100)
#define GICR_IPRIORITYR(n)	(GICR_SGI_BASE + 0x400 + 4 * (n))
#define VTIMER_INTID		27

static volatile uint32_t irq_intid = 1023;

void payload_irq(void)
{
	uint64_t intid;

	__asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(intid));	/* ICC_IAR1_EL1 */
	__asm__ volatile("msr cntv_ctl_el0, xzr; isb");			/* timer off */
	irq_intid = (uint32_t)intid;
	__asm__ volatile("msr S3_0_C12_C12_1, %0; isb" : : "r"(intid));	/* ICC_EOIR1_EL1 */
}

static void check_timer_irq(void)
{
	uint64_t pmr, end;

	*(volatile uint32_t *)GICR_IPRIORITYR(VTIMER_INTID / 4) = 0x80808080;
	*(volatile uint32_t *)GICR_ISENABLER0 = 1U << VTIMER_INTID;
	__asm__ volatile("msr S3_0_C12_C12_5, %0" : : "r"(1UL));	/* ICC_SRE_EL1.SRE */
	__asm__ volatile("isb; msr S3_0_C4_C6_0, %0" : : "r"(0xf0UL));	/* ICC_PMR_EL1 */
	__asm__ volatile("msr S3_0_C12_C12_7, %0; isb" : : "r"(1UL));	/* ICC_IGRPEN1_EL1 */
	__asm__ volatile("mrs %0, S3_0_C4_C6_0" : "=r"(pmr));
	check("ICC_PMR_EL1 writable from non-secure EL1", (int64_t)pmr, 0xf0);

	__asm__ volatile("msr cntv_tval_el0, %0; msr cntv_ctl_el0, %1; isb"
			 : : "r"(ticks_per_sec() / 1000), "r"(1UL));	/* 1 ms, enabled */
	__asm__ volatile("msr daifclr, #2" : : : "memory");
	end = now() + ticks_per_sec();
	while (irq_intid == 1023 && now() < end)	/* poll: WFI could sleep forever */
		;
	__asm__ volatile("msr daifset, #2" : : : "memory");
	__asm__ volatile("msr cntv_ctl_el0, xzr; isb");
	check("virtual timer IRQ delivered (INTID)", irq_intid, VTIMER_INTID);
}

/* CPUs in the machine, counted independently of PSCI: one GICv3 redistributor each. */
static unsigned int count_cpus(void)
{
	uintptr_t rd = 0x080a0000;
	unsigned int n = 0;

	while (n < 64) {
		uint64_t typer = *(volatile uint64_t *)(rd + 8);

		n++;
		if (typer & (1U << 4))		/* GICR_TYPER.Last */
			break;
		rd += 0x20000;
	}
	return n;
}

/* Start every other CPU, wait until it checked in and turned itself off. */
static unsigned int cpu_on_round(uint32_t fid, unsigned int round)
{
	unsigned int cpu, started = 0;

	for (cpu = 1; cpu < NCPUS_MAX; cpu++) {
		uint64_t ctxid = CTXID_BASE + round * 0x10 + cpu;
		int64_t ret;

		arrived[cpu] = 0;
		ret = smc3(fid, cpu, (uint64_t)(uintptr_t)secondary_entry, ctxid);
		if (ret == -2)		/* no such CPU: past the end of -smp */
			break;
		check("CPU_ON", ret, 0);
		if (ret)
			continue;
		started++;
		if (!wait_arrived(cpu, ctxid))
			check("secondary arrived with context id", (int64_t)arrived[cpu],
			      (int64_t)ctxid);
		check("AFFINITY_INFO after CPU_OFF", wait_affinity(cpu, 1), 1);
	}
	return started;
}

/*
 * The second VM's clock runs on the secure timer of the CPU that last made
 * an SCM call. Make CPU 1 that CPU, turn it OFF, and watch the second VM
 * keep taking resources while CPU 0 makes no SCM call at all: the clock
 * was handed to CPU 0 (control calls do not advance it).
 */
static void check_timer_handoff(void)
{
	uint64_t r[8], before, end;
	unsigned int i;

	for (i = 0; i < 8; i++)
		r[i] = 0;
	r[0] = CTL(0x02);
	r[1] = 0x0b;
	check("CTL SET hold", smc3(CTL(0x01), 0x06, 500, 0), 0);
	check("CTL SET period", smc3(CTL(0x01), 0x07, 1000, 0), 0);
	arrived[1] = 0;
	check("CPU_ON cpu1 (SCM call, then OFF)",
	      smc3(PSCI_CPU_ON64, 1, (uint64_t)(uintptr_t)secondary_entry,
		   CTXID_SCM_FIRST | CTXID_BASE), 0);
	if (!wait_arrived(1, CTXID_SCM_FIRST | CTXID_BASE))
		check("cpu1 arrived", 0, 1);
	check("cpu1 OFF", wait_affinity(1, 1), 1);
	smc(r);
	before = r[1];
	/* QEMU may run this vCPU rarely with many others: wait up to 2 s. */
	end = now() + 2 * ticks_per_sec();
	do {
		r[0] = CTL(0x02); r[1] = 0x0b;
		smc(r);
	} while (r[0] == 0 && r[1] < before + 3 && now() < end);
	check("second VM kept running after its clock's CPU went OFF", r[1] >= before + 3, 1);
	check("CTL RELEASE_ALL", smc3(CTL(0x04), 0, 0, 0), 0);
	*(volatile uint32_t *)GICD_ICPENDR1 = WAKE_BIT;
}

enum mode { MODE_OK, MODE_RESET, MODE_FAULT };

#if defined(PAYLOAD_MODE_reset)
#define MODE MODE_RESET
#elif defined(PAYLOAD_MODE_fault)
#define MODE MODE_FAULT
#else
#define MODE MODE_OK
#endif

void payload_main(void)
{
	unsigned int n;
	uint64_t v;

	puts_("payload: EL1 smoke test\n");
	switch (MODE) {
	case MODE_RESET:
		smc3(PSCI_SYSTEM_RESET, 0, 0, 0);
		puts_("payload: SYSTEM_RESET returned\n");
		failures++;
		break;
	case MODE_FAULT:
		puts_("payload: reading ICC_IAR0_EL1, expect an EL3 trap\n");
		__asm__ volatile("mrs %0, S3_0_C12_C8_0" : "=r"(v));
		puts_("payload: no trap\n");
		failures++;
		break;
	default:
		check_unknown_ids();
		check_calls();
		check_scm_model();
		check_ram_buffers();
		check_timer_irq();
		n = count_cpus();
		if (n > 1)
			check_timer_handoff();
		check("CPUs started, SMC64 CPU_ON", cpu_on_round(PSCI_CPU_ON64, 0), n - 1);
		check("CPUs started, SMC32 CPU_ON", cpu_on_round(PSCI_CPU_ON, 1), n - 1);
		puts_("payload: secondaries started and stopped twice\n");
		break;
	}
	finish();
}

void payload_secondary(uint64_t context_id)
{
	uint64_t mpidr;

	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	if (context_id & CTXID_SCM_FIRST)
		smc3(SCM_IO_READ, 1, 0x1000, 0);	/* this CPU's timer now drives the model */
	arrived[mpidr & 0xff] = context_id;
	__asm__ volatile("dsb sy" : : : "memory");
	smc3(PSCI_CPU_OFF, 0, 0, 0);
	/* CPU_OFF never returns; if it does, make the primary notice. */
	arrived[mpidr & 0xff] = 0xbad;
	for (;;)
		__asm__ volatile("wfi");
}

void payload_el1_exception(uint64_t esr, uint64_t elr)
{
	puts_("payload: unexpected EL1 exception, ESR ");
	puthex(esr);
	puts_(" ELR ");
	puthex(elr);
	puts_("\n");
	failures++;
	finish();
}
