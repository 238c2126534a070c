/* SPDX-License-Identifier: GPL-2.0 */
/*
 * start.S - EL1 smoke-test payload entry points (not part of the monitor).
 *
 * _start:          CPU 0, entered by the monitor like a Linux Image
 *                  (x0 = DTB address, placed at 0x40200000).
 * secondary_entry: CPUs started with PSCI CPU_ON (x0 = context id).
 */
#define STACK_SIZE	0x1000

	.section .text.start, "ax"
	.global	_start
_start:
	adrp	x1, el1_vectors
	add	x1, x1, :lo12:el1_vectors
	msr	vbar_el1, x1
	isb
	mov	x1, #0
	b	1f

	.global	secondary_entry
secondary_entry:
	mrs	x1, mpidr_el1
	and	x1, x1, #0xff
1:	adrp	x2, stacks
	add	x2, x2, :lo12:stacks
	add	x3, x1, #1
	mov	x4, #STACK_SIZE
	madd	x2, x3, x4, x2
	mov	sp, x2
	cbnz	x1, 2f
	bl	payload_main
	b	.
2:	bl	payload_secondary
	b	.

/*
 * IRQ from EL1 itself (vector 5) goes to payload_irq(); any other EL1
 * exception is a payload bug, reported through SYSTEM_RESET.
 */
	.balign	0x800
el1_vectors:
	.rept	5
	.balign	0x80
	b	el1_exception
	.endr
	.balign	0x80
	b	el1_irq
	.rept	10
	.balign	0x80
	b	el1_exception
	.endr

el1_irq:
	sub	sp, sp, #0xa0
	stp	x0, x1, [sp, #0x00]
	stp	x2, x3, [sp, #0x10]
	stp	x4, x5, [sp, #0x20]
	stp	x6, x7, [sp, #0x30]
	stp	x8, x9, [sp, #0x40]
	stp	x10, x11, [sp, #0x50]
	stp	x12, x13, [sp, #0x60]
	stp	x14, x15, [sp, #0x70]
	stp	x16, x17, [sp, #0x80]
	stp	x18, x30, [sp, #0x90]
	bl	payload_irq
	ldp	x0, x1, [sp, #0x00]
	ldp	x2, x3, [sp, #0x10]
	ldp	x4, x5, [sp, #0x20]
	ldp	x6, x7, [sp, #0x30]
	ldp	x8, x9, [sp, #0x40]
	ldp	x10, x11, [sp, #0x50]
	ldp	x12, x13, [sp, #0x60]
	ldp	x14, x15, [sp, #0x70]
	ldp	x16, x17, [sp, #0x80]
	ldp	x18, x30, [sp, #0x90]
	add	sp, sp, #0xa0
	eret
el1_exception:
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	bl	payload_el1_exception
	b	.

	.bss
	.balign	16
stacks:
	.space	8 * STACK_SIZE
