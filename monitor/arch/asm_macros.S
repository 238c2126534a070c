/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm_macros.S - shared by entry.S and vectors.S.
 */
#include "platform.h"

/*
 * cpu_index xd, xt, fail: xd = linear index of this CPU (plat_core_pos()),
 * branch to \fail when MPIDR names a CPU this platform does not serve.
 * Clobbers \xt.
 */
	.macro	cpu_index xd, xt, fail
	mrs	\xd, mpidr_el1
	tst	\xd, #0xff0000			// Aff2 must be 0
	b.ne	\fail
	tst	\xd, #0xff00000000		// Aff3 must be 0
	b.ne	\fail
	ubfx	\xt, \xd, #8, #8		// Aff1
	and	\xd, \xd, #0xff			// Aff0
	cmp	\xd, #PLAT_CPUS_PER_CLUSTER
	b.hs	\fail
	add	\xd, \xd, \xt, lsl #PLAT_CPUS_PER_CLUSTER_SHIFT
	cmp	\xd, #PLAT_MAX_CPUS
	b.hs	\fail
	.endm

/*
 * set_cpu_sp xidx, xt: SP_EL3 = top of CPU \xidx's area in cpu_areas. The
 * SMC context occupies the PLAT_SMC_CTX_SIZE bytes just below it, so the
 * SMC vector finds it with one subtraction. Clobbers \xt, x16, x17.
 */
	.macro	set_cpu_sp xidx, xt
	adrp	x16, cpu_areas
	add	x16, x16, :lo12:cpu_areas
	add	\xt, \xidx, #1
	mov	x17, #PLAT_CPU_AREA_SIZE
	madd	x16, \xt, x17, x16
	mov	sp, x16
	.endm
