/* SPDX-License-Identifier: GPL-2.0 */
/*
 * platform.h - the QEMU "virt" board as the monitor sees it.
 *
 * Every address the monitor and the host runner must agree on lives here.
 * The machine is:
 *   qemu-system-aarch64 -M virt,secure=on,gic-version=3 -cpu cortex-a57
 *                       -smp 1..8 -bios monitor.bin
 *                       -semihosting-config enable=on,target=native
 * Included by C and by assembly, so only plain #defines outside the
 * __ASSEMBLER__ guard.
 */
#ifndef MONITOR_PLATFORM_H
#define MONITOR_PLATFORM_H

/* Secure flash (-bios): every CPU resets here at EL3. Read-only for us. */
#define PLAT_FLASH_BASE		0x00000000
#define PLAT_FLASH_SIZE		0x04000000

/* Secure RAM: .data, .bss and the per-CPU stacks. Invisible to Linux. */
#define PLAT_SRAM_BASE		0x0e000000
#define PLAT_SRAM_SIZE		0x01000000

/* GICv3: distributor, then one redistributor (RD + SGI frame) per CPU. */
#define PLAT_GICD_BASE		0x08000000
#define PLAT_GICR_BASE		0x080a0000
#define PLAT_GICR_STRIDE	0x20000		/* RD_base + SGI_base, no VLPI frames */
#define PLAT_GICR_MAX_FRAMES	64		/* bound on the redistributor walk */

/* Secure PL011 (second -serial): the monitor's own messages. */
#define PLAT_UART_BASE		0x09040000
#define PLAT_UART_CLK_HZ	24000000	/* QEMU's apb-pclk */
#define PLAT_UART_BAUD		115200
/* UART0 at 0x09000000 is the kernel console; the monitor never touches it. */

/* Non-secure RAM and the Linux boot protocol (Documentation/arch/arm64/booting.rst). */
#define PLAT_NS_DRAM_BASE	0x40000000
#define PLAT_NS_DTB_ADDR	0x40000000	/* QEMU copies the DTB here when firmware runs */
#define PLAT_NS_IMAGE_ADDR	0x40200000	/* raw arm64 Image, -device loader,force-raw=on */
#define PLAT_NS_IMAGE_MAGIC_OFF	0x38		/* "ARM\x64" in the Image header */
#define PLAT_NS_IMAGE_MAGIC	0x644d5241

/* CPUs. QEMU virt with GICv3 packs 16 CPUs per cluster (MPIDR.Aff1). */
#define PLAT_MAX_CPUS		8		/* CPUs beyond this sleep forever */
#define PLAT_CPUS_PER_CLUSTER	16
#define PLAT_CPUS_PER_CLUSTER_SHIFT 4
#define PLAT_BOOT_CPU		0		/* linear index of MPIDR affinity 0 */

/* Per-CPU area in secure RAM: stack, with the SMC context at its top. */
#define PLAT_STACK_SIZE		0x2000
#define PLAT_SMC_CTX_SIZE	0x100		/* struct smc_ctx, checked in smccc.h */
#define PLAT_CPU_AREA_SIZE	(PLAT_STACK_SIZE + PLAT_SMC_CTX_SIZE)

/* Generic timer. */
#define PLAT_CNTFRQ_DEFAULT	62500000	/* used only if CNTFRQ_EL0 reads 0 */
#define PLAT_SECURE_TIMER_INTID	29		/* PPI 13, kept in Group 0 for EL3 */
#define PLAT_TIMER_HANDOFF_SGI	15		/* Group 0 SGI: "the secure timer is yours" */

#ifndef __ASSEMBLER__
#include <stdint.h>

#define MPIDR_AFF_MASK		0xff00ffffffULL	/* Aff3 [39:32], Aff2..Aff0 [23:0] */

/**
 * plat_core_pos() - linear CPU index of an MPIDR value.
 * @mpidr: MPIDR_EL1 value or a PSCI target_cpu (non-affinity bits ignored).
 *
 * Return: 0..PLAT_MAX_CPUS-1, or -1 when no CPU of this platform can have
 * this affinity. Pure arithmetic, shared by the firmware and the host tests.
 * Must match the cpu_index macro in arch/asm_macros.S.
 */
static inline int plat_core_pos(uint64_t mpidr)
{
	uint64_t aff0 = mpidr & 0xff;
	uint64_t aff1 = (mpidr >> 8) & 0xff;
	uint64_t pos;

	if (mpidr & 0xff00ff0000ULL)		/* Aff3, Aff2 */
		return -1;
	if (aff0 >= PLAT_CPUS_PER_CLUSTER)
		return -1;
	pos = (aff1 << PLAT_CPUS_PER_CLUSTER_SHIFT) + aff0;
	return pos < PLAT_MAX_CPUS ? (int)pos : -1;
}
#endif

#endif /* MONITOR_PLATFORM_H */
