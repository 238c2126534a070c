/* SPDX-License-Identifier: GPL-2.0 */
/*
 * entry.S - reset vector and the ways out of EL3.
 *
 * Every CPU of the virt machine starts at 0x0 (secure flash), at EL3, all at
 * once. Each one installs the vectors, takes its own stack in secure RAM and
 * continues in C: CPU 0 in boot_main(), the others in secondary_main().
 */
#include "platform.h"
#include "asm_macros.S"

#define SPSR_EL1H_DAIF	0x3c5		/* see el3_enter_el1 */

	.section .text.entry, "ax"
	.global	_start
_start:
	adrp	x0, el3_vectors
	add	x0, x0, :lo12:el3_vectors
	msr	vbar_el3, x0			// faults from here on are reported
	isb
	cpu_index x19, x1, cpu_dead		// CPUs beyond PLAT_MAX_CPUS sleep forever
	set_cpu_sp x19, x1
	mov	x0, x19
	bl	cpu_el3_init
	mov	x0, x19
	cbnz	x19, 1f
	bl	boot_main			// does not return
	b	cpu_dead
1:	bl	secondary_main			// does not return
	b	cpu_dead

	.text
/* void cpu_dead(void): a CPU with nothing to do, ever. */
	.global	cpu_dead
	.type	cpu_dead, %function
cpu_dead:
	wfi
	b	cpu_dead

/*
 * void el3_enter_el1(u64 entry, u64 x0, unsigned int idx)
 *
 * Drop to non-secure EL1h at @entry with x0 = @x0 and every other register
 * zero, as the Linux boot protocol and PSCI CPU_ON want. SCR_EL3 (NS, RW)
 * was set by cpu_el3_init(). SP_EL3 goes back to the top of CPU @idx's area
 * so the next SMC from this CPU starts with an empty stack.
 */
	.global	el3_enter_el1
	.type	el3_enter_el1, %function
el3_enter_el1:
	set_cpu_sp x2, x3
	msr	elr_el3, x0
	mov	x3, #SPSR_EL1H_DAIF		// M[3:0]=0b0101 EL1h; F(6) I(7) A(8) D(9) masked
	msr	spsr_el3, x3
	mov	x0, x1
	.irp	n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	mov	x\n, xzr
	.endr
	eret

/*
 * void el3_park_cpu(unsigned int idx)
 *
 * PSCI CPU_OFF: forget the SMC frame this CPU is in (it never returns to
 * the non-secure world) and wait for the next CPU_ON with an empty stack.
 */
	.global	el3_park_cpu
	.type	el3_park_cpu, %function
el3_park_cpu:
	set_cpu_sp x0, x1
	b	cpu_park

/*
 * Per-CPU areas: PLAT_STACK_SIZE of stack, then the struct smc_ctx. NOLOAD
 * and never zeroed, since secondaries run on their stacks while CPU 0 is
 * still clearing .bss.
 */
	.section .percpu, "aw", %nobits
	.balign	16
	.global	cpu_areas
cpu_areas:
	.space	PLAT_MAX_CPUS * PLAT_CPU_AREA_SIZE
