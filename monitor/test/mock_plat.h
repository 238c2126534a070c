/* SPDX-License-Identifier: GPL-2.0 */
/* mock_plat.h - host stand-in for plat.h, and helpers shared by the tests. */
#ifndef MONITOR_TEST_MOCK_PLAT_H
#define MONITOR_TEST_MOCK_PLAT_H

#include <stdint.h>
#include <string.h>
#include "smccc.h"

/* Normal RAM the tests can fill: plat_ns_read() of MOCK_NS_BASE.. reads it. */
#define MOCK_NS_BASE	0x48000000ULL
#define MOCK_NS_SIZE	0x1000
extern uint8_t mock_ns_ram[MOCK_NS_SIZE];
extern uint64_t mock_now_us;		/* plat_now_us() */
extern uint64_t mock_spin_step_us;	/* plat_spin_relax() advances the clock */
extern uint64_t mock_timer_deadline;	/* last plat_timer_set() */
extern unsigned int mock_wakes_raised;	/* plat_raise_wake() calls */
extern unsigned int mock_wake_intid;

static inline void mock_put_le(uint64_t pa, uint64_t v, unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes; i++)
		mock_ns_ram[pa - MOCK_NS_BASE + i] = (uint8_t)(v >> (8 * i));
}

/* What plat_my_cpu_index() answers: the CPU "making" the call. */
extern unsigned int mock_cpu_index;

/* A fresh context for an SMC with function ID @fid and arguments x1..x3. */
static inline struct smc_ctx mock_ctx(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct smc_ctx ctx;
	unsigned int i;

	/* Recognisable junk everywhere, so untouched registers can be checked. */
	for (i = 0; i < 31; i++)
		ctx.x[i] = 0x5a5a000000000000ULL | i;
	ctx.pad = 0;
	ctx.x[0] = fid;
	ctx.x[1] = a1;
	ctx.x[2] = a2;
	ctx.x[3] = a3;
	return ctx;
}

/* Issue one SMC through the full dispatcher; return x0 as a signed value. */
static inline int64_t mock_smc(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct smc_ctx ctx = mock_ctx(fid, a1, a2, a3);

	smc_handle(&ctx);
	return (int64_t)ctx.x[0];
}

/* cmocka setup: fresh model, default scenario, zeroed RAM and clock. */
int mock_model_setup(void **state);

#endif /* MONITOR_TEST_MOCK_PLAT_H */
