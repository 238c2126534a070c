/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mock_plat.h - host stand-in for plat.h, and helpers shared by the tests.
 * Include after <cmocka.h>: the helpers assert.
 *
 * The helpers drive the model only through its public entry points, as
 * Linux and the hardware would: SMC frames (smc_handle()), control calls
 * (MOCK_CTL_*) and the secure timer's tick (scm_tick()).
 */
#ifndef MONITOR_TEST_MOCK_PLAT_H
#define MONITOR_TEST_MOCK_PLAT_H

#include <stdint.h>
#include <string.h>
#include "mock_ctl.h"
#include "model.h"
#include "plat.h"
#include "scm.h"
#include "smccc.h"

/* Normal RAM of the tests: 1 GiB at 0x40000000, as QEMU's -m 1024. */
#define MOCK_RAM_BASE	0x40000000ULL
#define MOCK_RAM_SIZE	0x40000000ULL
/* Of it, what the tests can fill: plat_ns_read() of MOCK_NS_BASE.. reads it. */
#define MOCK_NS_BASE	0x48000000ULL
#define MOCK_NS_SIZE	0x1000
extern uint8_t mock_ns_ram[MOCK_NS_SIZE];
extern uint64_t mock_now_us;		/* plat_now_us() */
extern uint64_t mock_spin_step_us;	/* plat_spin_relax() advances the clock */
extern uint64_t mock_clock_step_us;	/* every plat_now_us() advances it (0: never) */
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

/* The same, with the whole context back. */
static inline struct smc_ctx mock_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct smc_ctx ctx = mock_ctx(fid, a1, a2, a3);

	smc_handle(&ctx);
	return ctx;
}

/* Control calls, as scm_mock_ctl.ko issues them. */
static inline void mock_set(uint32_t key, uint64_t value)
{
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_SET), key, value, 0), 0);
}

static inline uint64_t mock_get(uint32_t key)
{
	struct smc_ctx c = mock_call(MOCK_CTL_FID(MOCK_CTL_GET), key, 0, 0);

	assert_int_equal(c.x[0], 0);
	return c.x[1];
}

static inline uint64_t mock_counter(uint64_t id)
{
	struct smc_ctx c = mock_call(MOCK_CTL_FID(MOCK_CTL_GET_COUNTER), id, 0, 0);

	assert_int_equal(c.x[0], 0);
	return c.x[1];
}

static inline void mock_hold(uint64_t r)
{
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_HOLD), r, 0, 0), 0);
}

static inline void mock_release(uint64_t r)
{
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_RELEASE), r, 0, 0), 0);
}

/* The secure timer fires at @t (el3_fiq() on the owner): the clock moves on. */
static inline uint64_t mock_tick(uint64_t t)
{
	uint64_t next;

	mock_now_us = t;
	scm_lock();
	next = scm_tick(plat_now_us());
	scm_unlock();
	return next;
}

/* cmocka setup: fresh model, default scenario, zeroed RAM and clock. */
int mock_model_setup(void **state);

#endif /* MONITOR_TEST_MOCK_PLAT_H */
