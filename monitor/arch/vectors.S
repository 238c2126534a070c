/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vectors.S - the EL3 exception vectors.
 *
 * EL3 expects an SMC from the non-secure AArch64 world and, from the same
 * world, the secure timer's FIQ (el3_fiq() keeps any other FIQ fatal).
 * Everything else (IRQ, FIQ, SError, any other synchronous exception,
 * anything taken from EL3 itself or from AArch32) is a bug somewhere and
 * goes to el3_unexpected(), which reports it and ends QEMU with
 * MON_EXIT_FAULT. Vector numbers below match the names in arch/fault.c.
 */
#include "platform.h"
#include "asm_macros.S"

#define ESR_EC_SHIFT	26
#define ESR_EC_SMC64	0x17

	.macro	save_frame
	sub	sp, sp, #PLAT_SMC_CTX_SIZE
	stp	x0, x1, [sp, #0x00]
	stp	x2, x3, [sp, #0x10]
	stp	x4, x5, [sp, #0x20]
	stp	x6, x7, [sp, #0x30]
	stp	x8, x9, [sp, #0x40]
	stp	x10, x11, [sp, #0x50]
	stp	x12, x13, [sp, #0x60]
	stp	x14, x15, [sp, #0x70]
	stp	x16, x17, [sp, #0x80]
	stp	x18, x19, [sp, #0x90]
	stp	x20, x21, [sp, #0xa0]
	stp	x22, x23, [sp, #0xb0]
	stp	x24, x25, [sp, #0xc0]
	stp	x26, x27, [sp, #0xd0]
	stp	x28, x29, [sp, #0xe0]
	str	x30, [sp, #0xf0]

	.endm

	.macro	restore_frame
	ldp	x0, x1, [sp, #0x00]
	ldp	x2, x3, [sp, #0x10]
	ldp	x4, x5, [sp, #0x20]
	ldp	x6, x7, [sp, #0x30]
	ldp	x8, x9, [sp, #0x40]
	ldp	x10, x11, [sp, #0x50]
	ldp	x12, x13, [sp, #0x60]
	ldp	x14, x15, [sp, #0x70]
	ldp	x16, x17, [sp, #0x80]
	ldp	x18, x19, [sp, #0x90]
	ldp	x20, x21, [sp, #0xa0]
	ldp	x22, x23, [sp, #0xb0]
	ldp	x24, x25, [sp, #0xc0]
	ldp	x26, x27, [sp, #0xd0]
	ldp	x28, x29, [sp, #0xe0]
	ldr	x30, [sp, #0xf0]
	add	sp, sp, #PLAT_SMC_CTX_SIZE
	.endm

	.macro	unexpected vector
	.balign	0x80
	mov	x19, #\vector
	b	el3_unexpected_entry
	.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	el3_vectors
el3_vectors:
	unexpected 0		// current EL, SP_EL0: sync
	unexpected 1		// IRQ
	unexpected 2		// FIQ
	unexpected 3		// SError
	unexpected 4		// current EL, SP_EL3: sync
	unexpected 5		// IRQ
	unexpected 6		// FIQ
	unexpected 7		// SError
	.balign	0x80		// lower EL, AArch64: sync
	b	lower_a64_sync
	unexpected 9		// IRQ
	.balign	0x80		// FIQ: Group 0, the secure timer (timer.c)
	b	lower_a64_fiq
	unexpected 11		// SError
	unexpected 12		// lower EL, AArch32: sync
	unexpected 13		// IRQ
	unexpected 14		// FIQ
	unexpected 15		// SError

/*
 * SMC from AArch64. SP_EL3 is the top of this CPU's area, so the frame we
 * carve is this CPU's struct smc_ctx. Save x0..x30, let C answer, restore
 * x0..x30 (results included) and return after the SMC.
 */
lower_a64_sync:
	save_frame
	mrs	x0, esr_el3
	ubfx	x0, x0, #ESR_EC_SHIFT, #6
	cmp	x0, #ESR_EC_SMC64
	b.ne	1f
	mov	x0, sp
	bl	smc_handle

	restore_frame
	eret

/* Secure timer FIQ: same frame as an SMC (FIQs stay masked at EL3). */
lower_a64_fiq:
	save_frame
	bl	el3_fiq
	restore_frame
	eret

1:	mov	x19, #8			// lower EL, AArch64, sync but not an SMC
	/* fall through */

/*
 * x19 = vector number. The stack may be what broke, so take a fresh one
 * before calling C; a CPU we cannot identify just stops.
 */
el3_unexpected_entry:
	cpu_index x20, x21, cpu_dead
	set_cpu_sp x20, x21
	mov	x0, x19
	bl	el3_unexpected
	b	cpu_dead
