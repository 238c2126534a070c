// SPDX-License-Identifier: GPL-2.0
/*
 * test_waitq.c - the wait-queue protocol as Linux sees it through SMCs:
 * SLEEP, wake interrupt, GET_WQ_CTX, RESUME; several contexts; WAKE_ONE
 * and WAKE_ALL; legacy spin and busy modes; the contender; INTERRUPTED;
 * every fault mode.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "scm.h"
#include "scm_model.h"

#define PAS		0x42000207U	/* svc 2: resource 2 % K */
#define REMOTE		0x4200010aU	/* svc 1 */
#define HDCP		0x42001101U	/* svc 0x11 */
#define IO_READ		0xc2000501U
#define RESUME		0x42002402U
#define GET_WQ_CTX	0xc2002403U
#define GET_INFO	0xc2002404U

static void set_key(uint32_t key, uint64_t v)
{
	assert_int_equal(scm_cfg_set(&scm_st.cfg, key, v), 0);
}

static struct smc_ctx smc(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct smc_ctx ctx = mock_ctx(fid, a1, a2, a3);

	smc_handle(&ctx);
	return ctx;
}

static struct smc_ctx pas(uint64_t id)
{
	return smc(PAS, 1, id, 0);
}

static struct smc_ctx resume(uint64_t token)
{
	return smc(RESUME, 1, token, 0);
}

static uint64_t counter(uint64_t id)
{
	struct smc_ctx c = smc(MOCK_CTL_FID(MOCK_CTL_GET_COUNTER), id, 0, 0);

	assert_int_equal(c.x[0], 0);
	return c.x[1];
}

static void hold(uint64_t r)
{
	assert_int_equal(smc(MOCK_CTL_FID(MOCK_CTL_HOLD), r, 0, 0).x[0], 0);
}

static void release(uint64_t r)
{
	assert_int_equal(smc(MOCK_CTL_FID(MOCK_CTL_RELEASE), r, 0, 0).x[0], 0);
}

static void test_free_resource_no_sleep(void **state)
{
	struct smc_ctx c;

	(void)state;
	c = pas(4);
	assert_int_equal(c.x[0], 0);
	assert_int_equal(c.x[1], 1);
	assert_int_equal(counter(MOCK_CNT_SLEEPS), 0);
	assert_int_equal(counter(MOCK_CNT_SVC(2)), 1);
}

/* The whole round trip of section 3 of abi.md, K = 1. */
static void test_sleep_wake_resume(void **state)
{
	struct smc_ctx c, w;

	(void)state;
	hold(0);
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(c.x[1], 0);
	assert_int_not_equal(c.x[2], 0);
	assert_int_equal(counter(MOCK_CNT_PARKED), 1);
	assert_int_equal(mock_wakes_raised, 0);
	/* Nothing signalled yet: GET_WQ_CTX says -1. */
	assert_int_equal((int64_t)smc(GET_WQ_CTX, 0, 0, 0).x[0], SCM_ERROR);
	/* Still held: RESUME sleeps again, same ticket. */
	w = resume(c.x[2]);
	assert_int_equal(w.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(w.x[2], c.x[2]);

	release(0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(mock_wake_intid, 42);
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 0);
	assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ONE);
	assert_int_equal(w.x[3], 0);
	w = resume(c.x[2]);
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 1);		/* PAS 4 is supported: the real answer */
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	assert_int_equal(counter(MOCK_CNT_RESUMES), 2);
	assert_int_equal(counter(MOCK_CNT_WAKES), 1);
	assert_int_equal(counter(MOCK_CNT_GET_WQ_CTX), 2);
	/* The ticket is used up. */
	assert_int_equal((int64_t)resume(c.x[2]).x[0], SCM_EINVAL_ARG);
	assert_int_equal(counter(MOCK_CNT_RESUME_BAD), 1);
}

static void test_resume_unknown_tokens(void **state)
{
	static const uint64_t bad[] = { 0, 1, 0xff, 0x12345678, ~0ULL, 0x100 | 63 };
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal((int64_t)resume(bad[i]).x[0], SCM_EINVAL_ARG);
	assert_int_equal((int64_t)smc(RESUME, 2, 0, 0).x[0], SCM_EINVAL_ARG);
	/* fast RESUME, yielding GET_WQ_CTX: not offered */
	assert_int_equal((int64_t)smc(0xc2002402, 1, 0, 0).x[0], SCM_EOPNOTSUPP);
	assert_int_equal((int64_t)smc(0x42002403, 0, 0, 0).x[0], SCM_EOPNOTSUPP);
}

/* K = 4: PAS (svc 2) on ctx 2, REMOTE (svc 1) on ctx 1, HDCP 0x11 on ctx 1. */
static void test_contexts_and_more_pending(void **state)
{
	struct smc_ctx a, b, w;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	assert_int_equal(smc(GET_INFO, 0, 0, 0).x[1], 4);
	assert_int_equal(smc(GET_INFO, 0, 0, 0).x[2], 42);
	hold(1);
	hold(2);
	a = pas(1);
	b = smc(REMOTE, 2, 5, 1);
	assert_int_equal(a.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(a.x[1], 2);
	assert_int_equal(b.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(b.x[1], 1);
	assert_int_not_equal(a.x[2], b.x[2]);
	/* A call on a free context is not held up. */
	assert_int_equal(smc(0x42000c16, 0, 0, 0).x[0], (uint64_t)SCM_EINVAL_ARG);

	release(2);
	release(1);
	assert_int_equal(mock_wakes_raised, 2);
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[1], 1);
	assert_int_equal(w.x[3], 1);		/* ctx 2 still pending */
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[1], 2);
	assert_int_equal(w.x[3], 0);
	/* Resume in any order, from any CPU. */
	mock_cpu_index = 3;
	assert_int_equal(resume(b.x[2]).x[0], 0);
	assert_int_equal(scm_st.remote_state[1], 5);
	mock_cpu_index = 0;
	assert_int_equal(resume(a.x[2]).x[1], 1);
}

static void test_wake_one_chains(void **state)
{
	struct smc_ctx c[3], w;
	unsigned int i;

	(void)state;
	hold(0);
	for (i = 0; i < 3; i++)
		c[i] = pas(4);
	assert_int_equal(counter(MOCK_CNT_PARKED), 3);
	release(0);
	assert_int_equal(mock_wakes_raised, 1);
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ONE);
	/* Each completed RESUME signals the context again for the next one. */
	for (i = 0; i < 3; i++) {
		assert_int_equal(resume(c[i].x[2]).x[0], 0);
		if (i < 2) {
			assert_int_equal(mock_wakes_raised, 2 + i);
			assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[1], 0);
		}
	}
	assert_int_equal(mock_wakes_raised, 3);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
}

static void test_wake_all(void **state)
{
	struct smc_ctx c[3], w;
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_WAKE_ALL, 1);
	hold(0);
	for (i = 0; i < 3; i++)
		c[i] = pas(4);
	release(0);
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ALL);
	for (i = 0; i < 3; i++)
		assert_int_equal(resume(c[i].x[2]).x[0], 0);
	assert_int_equal(mock_wakes_raised, 1);
}

/* Taken again between wake and RESUME: SLEEP again, woken again later. */
static void test_retaken_sleeps_again(void **state)
{
	struct smc_ctx c;

	(void)state;
	hold(0);
	c = pas(4);
	release(0);
	hold(0);
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(resume(c.x[2]).x[0], 0);
}

/* One edge per newly signalled context: no GET_WQ_CTX finds nothing. */
static void test_signal_once_until_fetched(void **state)
{
	(void)state;
	hold(0);
	pas(4);
	release(0);
	hold(0);
	release(0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
	assert_int_equal((int64_t)smc(GET_WQ_CTX, 0, 0, 0).x[0], SCM_ERROR);
	hold(0);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
}

static void test_park_table_full(void **state)
{
	unsigned int i;

	(void)state;
	hold(0);
	for (i = 0; i < SCM_PARK_SLOTS; i++)
		assert_int_equal(pas(4).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	assert_int_equal(counter(MOCK_CNT_PARKED), SCM_PARK_SLOTS);
	assert_int_equal(counter(MOCK_CNT_BUSY), 1);
}

/* Legacy firmware never answers 2. */
static void test_busy_mode(void **state)
{
	(void)state;
	set_key(MOCK_KEY_MODE, MOCK_MODE_BUSY);
	hold(0);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	release(0);
	assert_int_equal(pas(4).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_SLEEPS), 0);
	assert_int_equal(mock_wakes_raised, 0);
	assert_int_equal((int64_t)smc(GET_WQ_CTX, 0, 0, 0).x[0], SCM_EOPNOTSUPP);
}

/* Spin: the contender releases after hold_us; the clock runs while we spin. */
static void test_spin_mode(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_MODE, MOCK_MODE_SPIN);
	set_key(MOCK_KEY_HOLD_US, 5000);
	set_key(MOCK_KEY_PERIOD_US, 100000);
	contender_tick(0);			/* takes resource 0 at t = 0 */
	assert_int_equal(scm_st.held, 1);
	mock_now_us = 1;
	c = pas(4);
	assert_int_equal(c.x[0], 0);
	assert_int_equal(c.x[1], 1);
	assert_true(mock_now_us >= 5000);
	assert_int_equal(counter(MOCK_CNT_SPINS), 1);
	assert_int_equal(counter(MOCK_CNT_SLEEPS), 0);
	/* Masked from t = 1 until the release at t = 5000. */
	assert_true(counter(MOCK_CNT_SPIN_US) >= 4999);
	assert_true(counter(MOCK_CNT_SPIN_US) <= mock_now_us - 1);
	assert_int_equal(counter(MOCK_CNT_SPIN_MAX_US), counter(MOCK_CNT_SPIN_US));
}

static void test_spin_mode_gives_up(void **state)
{
	(void)state;
	set_key(MOCK_KEY_MODE, MOCK_MODE_SPIN);
	mock_spin_step_us = 1000000;
	hold(0);				/* held by hand: nobody releases */
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	mock_spin_step_us = 1000;
}

static void test_contender_schedule(void **state)
{
	uint64_t next, t;
	unsigned int takes = 0;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 10000);
	set_key(MOCK_KEY_JITTER_US, 2000);
	assert_int_equal(contender_tick(0), 1000);	/* release at hold_us */
	assert_int_equal(__builtin_popcount(scm_st.held), 1);
	next = contender_tick(1000);
	assert_int_equal(scm_st.held, 0);
	assert_true(next >= 8000 && next <= 12000);
	for (t = 0; t < 1000000; t += 500) {
		contender_tick(t);
		assert_true(__builtin_popcount(scm_st.held) <= 1);
	}
	takes = (unsigned int)counter(MOCK_CNT_TAKES);
	assert_true(takes >= 80 && takes <= 125);
	/* Off: nothing more, no timer. */
	set_key(MOCK_KEY_PERIOD_US, 0);
	contender_tick(t);
	assert_int_equal(contender_tick(t + 5000), 0);
	assert_int_equal(scm_st.held, 0);
}

/* Same seed, same schedule. */
static void test_contender_seeded(void **state)
{
	uint32_t seen[2][16];
	unsigned int run, i;

	(void)state;
	for (run = 0; run < 2; run++) {
		mock_model_setup(NULL);
		set_key(MOCK_KEY_K, 16);
		set_key(MOCK_KEY_PERIOD_US, 100);
		set_key(MOCK_KEY_HOLD_US, 10);
		scm_st.prng = 7;
		for (i = 0; i < 16; i++) {
			contender_tick(i * 100);
			seen[run][i] = scm_st.held;
		}
	}
	assert_memory_equal(seen[0], seen[1], sizeof(seen[0]));
}

/* The contender's release wakes a parked call, raised from the timer tick. */
static void test_contender_wakes_parked(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 50000);
	contender_tick(0);
	mock_now_us = 10;
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	contender_tick(1000);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[1], 0);
	mock_now_us = 1001;
	assert_int_equal(resume(c.x[2]).x[0], 0);
}

/* RELEASE_ALL stops the contender and frees everything. */
static void test_release_all(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_PERIOD_US, 50000);
	set_key(MOCK_KEY_HOLD_US, 40000);
	contender_tick(0);
	mock_now_us = 1;
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(smc(MOCK_CTL_FID(MOCK_CTL_RELEASE_ALL), 0, 0, 0).x[0], 0);
	assert_int_equal(scm_st.held, 0);
	assert_int_equal(scm_st.cfg.period_us, 0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(resume(c.x[2]).x[0], 0);
}

/* ---- INTERRUPTED ----------------------------------------------------- */

static void test_interrupted_reissue(void **state)
{
	uint64_t args[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	struct smc_ctx c, r;
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_FAULTS, MOCK_FAULT_INTERRUPT);
	set_key(MOCK_KEY_FAULT_EVERY, 1);
	for (i = 3; i < 10; i++)
		mock_put_le(MOCK_NS_BASE + 8 * (i - 3), args[i], 8);
	c = mock_ctx(HDCP, 10, 1, 2);
	c.x[4] = 3;
	c.x[5] = MOCK_NS_BASE;
	r = c;
	smc_handle(&r);
	assert_int_equal(r.x[0], SCM_INTERRUPTED);
	assert_int_not_equal(r.x[6], c.x[6]);
	/* Reissue as Linux does: x0 = 1, same x1..x5, x6 = token. */
	set_key(MOCK_KEY_FAULTS, 0);
	c.x[0] = 1;
	c.x[6] = r.x[6];
	r = c;
	smc_handle(&r);
	assert_int_equal(r.x[0], 0);
	assert_int_equal(r.x[1], 0xc2f66ba7);	/* the uncorrupted answer */
	/* Token used up; a wrong x1..x5 is refused. */
	r = c;
	smc_handle(&r);
	assert_int_equal((int64_t)r.x[0], SCM_EINVAL_ARG);
	assert_int_equal(counter(MOCK_CNT_INTERRUPTED), 1);
}

static void test_interrupted_mismatch(void **state)
{
	struct smc_ctx c, r;

	(void)state;
	set_key(MOCK_KEY_FAULTS, MOCK_FAULT_INTERRUPT);
	set_key(MOCK_KEY_FAULT_EVERY, 1);
	c = pas(4);
	assert_int_equal(c.x[0], SCM_INTERRUPTED);
	r = mock_ctx(1, 1, 5, 0);	/* other id */
	r.x[6] = c.x[6];
	r.x[4] = c.x[4];
	r.x[5] = c.x[5];
	smc_handle(&r);
	assert_int_equal((int64_t)r.x[0], SCM_EINVAL_ARG);
	r = mock_ctx(1, 1, 4, 0);
	r.x[4] = c.x[4];
	r.x[5] = c.x[5];
	r.x[6] = c.x[6];
	set_key(MOCK_KEY_FAULTS, 0);
	smc_handle(&r);
	assert_int_equal(r.x[0], 0);
	assert_int_equal(r.x[1], 1);
}

/* interrupt_random: results stay right whatever the PRNG does. */
static void test_interrupt_random_results(void **state)
{
	unsigned int i, interrupted = 0;

	(void)state;
	set_key(MOCK_KEY_IRQ_RANDOM, 1);
	for (i = 0; i < 200; i++) {
		struct smc_ctx c = mock_ctx(PAS, 1, i % 20, 0), r;

		r = c;
		smc_handle(&r);
		while (r.x[0] == SCM_INTERRUPTED) {
			interrupted++;
			c.x[0] = 1;
			c.x[6] = r.x[6];
			r = c;
			smc_handle(&r);
		}
		assert_int_equal(r.x[0], 0);
		assert_int_equal(r.x[1], (i % 20 == 1 || i % 20 == 4 || i % 20 == 9 ||
					  i % 20 == 12 || i % 20 == 18));
	}
	assert_true(interrupted > 20);
	assert_int_equal(counter(MOCK_CNT_INTERRUPTED), interrupted);
}

/* ---- faults ---------------------------------------------------------- */

static void faults(uint32_t mask)
{
	set_key(MOCK_KEY_FAULTS, mask);
	set_key(MOCK_KEY_FAULT_EVERY, 1);
}

static void test_fault_drop_wake(void **state)
{
	struct smc_ctx c;

	(void)state;
	faults(MOCK_FAULT_DROP_WAKE);
	hold(0);
	c = pas(4);
	release(0);
	assert_int_equal(mock_wakes_raised, 0);
	/* The context is signalled all the same: a poll finds it. */
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_FAULTS), 1);
}

static void test_fault_double_and_spurious_wake(void **state)
{
	struct smc_ctx c;

	(void)state;
	faults(MOCK_FAULT_DOUBLE_WAKE | MOCK_FAULT_SPURIOUS_WAKE);

	hold(0);
	c = pas(4);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	hold(0);
	release(0);				/* nothing parked: spurious wake */
	assert_int_equal(mock_wakes_raised, 3);
	assert_int_equal((int64_t)smc(GET_WQ_CTX, 0, 0, 0).x[0], SCM_ERROR);
}

static void test_fault_get_wq_ctx(void **state)
{
	struct smc_ctx w;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	hold(0);
	pas(4);
	release(0);
	faults(MOCK_FAULT_WQ_ERROR);
	assert_int_equal((int64_t)smc(GET_WQ_CTX, 0, 0, 0).x[0], SCM_ERROR);
	faults(MOCK_FAULT_WQ_UNKNOWN);
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 2 + 7);
	assert_int_equal(w.x[3], 1);
	faults(MOCK_FAULT_WQ_BADFLAGS);
	w = smc(GET_WQ_CTX, 0, 0, 0);
	assert_int_equal(w.x[1], 0);		/* the real context, at last */
	assert_int_equal(w.x[2], 0xc);
	faults(MOCK_FAULT_STICKY_MORE);
	w = smc(GET_WQ_CTX, 0, 0, 0);		/* nothing left, still "more" */
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[3], 1);
	assert_int_equal(counter(MOCK_CNT_FAULTS), 4);
}

static void test_fault_resume_busy_and_sleep(void **state)
{
	struct smc_ctx c, r;

	(void)state;
	hold(0);
	c = pas(4);
	release(0);
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
	faults(MOCK_FAULT_RESUME_SLEEP);
	r = resume(c.x[2]);
	assert_int_equal(r.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(r.x[2], c.x[2]);
	assert_int_equal(mock_wakes_raised, 2);	/* woken again, or it would hang */
	faults(MOCK_FAULT_RESUME_BUSY);
	assert_int_equal((int64_t)resume(c.x[2]).x[0], SCM_EBUSY);
	/* Dropped: Linux retries the original call. */
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	faults(0);
	assert_int_equal(pas(4).x[1], 1);
}

static void test_fault_fast_sleep(void **state)
{
	struct smc_ctx c;

	(void)state;
	assert_int_equal(smc(0xc2000502, 2, 0x40, 0x99).x[0], 0);
	faults(MOCK_FAULT_FAST_SLEEP);
	c = smc(IO_READ, 1, 0x40, 0);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(mock_wakes_raised, 1);
	faults(0);
	assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
	c = resume(c.x[2]);
	assert_int_equal(c.x[0], 0);
	assert_int_equal(c.x[1], 0x99);
	/* GET_WQ_CTX itself never gets SLEEP. */
	faults(MOCK_FAULT_FAST_SLEEP);
	assert_int_not_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], SCM_WAITQ_SLEEP);
}

static void test_fault_bad_token(void **state)
{
	struct smc_ctx c;

	(void)state;
	faults(MOCK_FAULT_BAD_TOKEN);
	hold(0);
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	release(0);
	assert_int_equal((int64_t)resume(c.x[2]).x[0], SCM_EINVAL_ARG);
	/* The real call stays parked, never resumed, kept. */
	assert_int_equal(counter(MOCK_CNT_PARKED), 1);
}

static void test_fault_every(void **state)
{
	unsigned int i, sleeps = 0;

	(void)state;
	set_key(MOCK_KEY_FAULTS, MOCK_FAULT_FAST_SLEEP);
	set_key(MOCK_KEY_FAULT_EVERY, 3);
	for (i = 0; i < 9; i++)
		sleeps += smc(IO_READ, 1, 0x40, 0).x[0] == SCM_WAITQ_SLEEP;
	assert_int_equal(sleeps, 3);
}

/* random: only protocol-legal answers; every call completes correctly. */
static void test_fault_random(void **state)
{
	unsigned int i, odd = 0;

	(void)state;
	faults(MOCK_FAULT_RANDOM);
	for (i = 0; i < 100; i++) {
		struct smc_ctx c = pas(4);
		unsigned int tries = 0;

		while (c.x[0] != 0) {
			odd++;
			assert_true(++tries < 50);
			if (c.x[0] == SCM_WAITQ_SLEEP) {
				assert_int_equal(smc(GET_WQ_CTX, 0, 0, 0).x[0], 0);
				c = resume(c.x[2]);
			} else {
				assert_int_equal((int64_t)c.x[0], SCM_EBUSY);
				c = pas(4);
			}
		}
		assert_int_equal(c.x[1], 1);
	}
	assert_true(odd > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_free_resource_no_sleep, mock_model_setup),
		cmocka_unit_test_setup(test_sleep_wake_resume, mock_model_setup),
		cmocka_unit_test_setup(test_resume_unknown_tokens, mock_model_setup),
		cmocka_unit_test_setup(test_contexts_and_more_pending, mock_model_setup),
		cmocka_unit_test_setup(test_wake_one_chains, mock_model_setup),
		cmocka_unit_test_setup(test_wake_all, mock_model_setup),
		cmocka_unit_test_setup(test_retaken_sleeps_again, mock_model_setup),
		cmocka_unit_test_setup(test_signal_once_until_fetched, mock_model_setup),
		cmocka_unit_test_setup(test_park_table_full, mock_model_setup),
		cmocka_unit_test_setup(test_busy_mode, mock_model_setup),
		cmocka_unit_test_setup(test_spin_mode, mock_model_setup),
		cmocka_unit_test_setup(test_spin_mode_gives_up, mock_model_setup),
		cmocka_unit_test_setup(test_contender_schedule, mock_model_setup),
		cmocka_unit_test_setup(test_contender_seeded, mock_model_setup),
		cmocka_unit_test_setup(test_contender_wakes_parked, mock_model_setup),
		cmocka_unit_test_setup(test_release_all, mock_model_setup),
		cmocka_unit_test_setup(test_interrupted_reissue, mock_model_setup),
		cmocka_unit_test_setup(test_interrupted_mismatch, mock_model_setup),
		cmocka_unit_test_setup(test_interrupt_random_results, mock_model_setup),
		cmocka_unit_test_setup(test_fault_drop_wake, mock_model_setup),
		cmocka_unit_test_setup(test_fault_double_and_spurious_wake, mock_model_setup),
		cmocka_unit_test_setup(test_fault_get_wq_ctx, mock_model_setup),
		cmocka_unit_test_setup(test_fault_resume_busy_and_sleep, mock_model_setup),
		cmocka_unit_test_setup(test_fault_fast_sleep, mock_model_setup),
		cmocka_unit_test_setup(test_fault_bad_token, mock_model_setup),
		cmocka_unit_test_setup(test_fault_every, mock_model_setup),
		cmocka_unit_test_setup(test_fault_random, mock_model_setup),
	};

	return cmocka_run_group_tests_name("waitq", tests, NULL, NULL);
}
