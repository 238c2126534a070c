// SPDX-License-Identifier: GPL-2.0
/*
 * test_waitq.c - the wait-queue protocol as Linux sees it through SMCs:
 * SLEEP, wake interrupt, GET_WQ_CTX, RESUME; a context per parked call
 * (the default) and per resource; WAKE_ONE and WAKE_ALL; the rules the
 * model enforces (premature, unfetched, buffer_changed, abandoned, the
 * order of service, K calls parked across both VMs); legacy spin and busy
 * modes; the second VM; INTERRUPTED; every fault; and upstream 6.12's
 * driver flow.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "scm.h"
#include "scm_svc.h"
#include "waitq.h"

#define PAS		0x42000207U	/* svc 2: resource 2 % K */
#define REMOTE		0x4200010aU	/* svc 1 */
#define HDCP		0x42001101U	/* svc 0x11: 0x11 % K */
#define ASSIGN		0x42000c16U	/* svc 0x0c */
#define IO_READ		0xc2000501U
#define IO_WRITE	0xc2000502U
#define RESUME		0x42002402U
#define GET_WQ_CTX	0xc2002403U
#define GET_INFO	0xc2002404U
/* monitor/waitq.c: how long a fetched WAKE_ALL may cross a SLEEP answer. */
#define WQ_TEST_CROSSING_US	200001

#define set_key		mock_set
#define counter		mock_counter
#define hold		mock_hold
#define release		mock_release
#define smc		mock_call

static struct smc_ctx pas(uint64_t id)
{
	return smc(PAS, 1, id, 0);
}

static struct smc_ctx resume(uint64_t token)
{
	return smc(RESUME, 1, token, 0);
}

static struct smc_ctx get_wq_ctx(void)
{
	return smc(GET_WQ_CTX, 0, 0, 0);
}

static void resource_model(void)
{
	set_key(MOCK_KEY_WQ_MODEL, MOCK_WQ_MODEL_RESOURCE);
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
	assert_true(c.x[2] < (1ULL << 31));
	assert_int_equal(counter(MOCK_CNT_PARKED), 1);
	assert_int_equal(mock_wakes_raised, 0);
	/* Nothing woken yet: GET_WQ_CTX says -1. */
	assert_int_equal((int64_t)get_wq_ctx().x[0], SCM_ERROR);

	release(0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(mock_wake_intid, 42);
	w = get_wq_ctx();
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 0);
	assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ONE);
	assert_int_equal(w.x[3], 0);
	w = resume(c.x[2]);
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 1);		/* PAS 4 is supported: the real answer */
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	assert_int_equal(counter(MOCK_CNT_RESUMES), 1);
	assert_int_equal(counter(MOCK_CNT_WAKES), 1);
	assert_int_equal(counter(MOCK_CNT_GET_WQ_CTX), 2);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 0);
	/* The ticket is used up. */
	assert_int_equal((int64_t)resume(c.x[2]).x[0], SCM_EINVAL_ARG);
	assert_int_equal(counter(MOCK_CNT_RESUME_BAD), 1);
}

/* A RESUME before the wake: SLEEP again (same context and token), counted. */
static void test_premature_resume(void **state)
{
	struct smc_ctx c, w;

	(void)state;
	hold(0);
	c = pas(4);
	w = resume(c.x[2]);
	assert_int_equal(w.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(w.x[1], c.x[1]);
	assert_int_equal(w.x[2], c.x[2]);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 1);
	/* Free now, but still not woken: SLEEP again. */
	mock_set(MOCK_KEY_FAULTS, 0);
	release(0);
	hold(0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);	/* woken, but retaken */
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 1);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);	/* that wake is used up */
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 2);
	release(0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
}

/* A RESUME of a woken call whose wake nobody fetched: runs, counted. */
static void test_unfetched_resume(void **state)
{
	struct smc_ctx c;

	(void)state;
	hold(0);
	c = pas(4);
	release(0);
	c = resume(c.x[2]);
	assert_int_equal(c.x[0], 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 1);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	/* Its context died with it: nothing stale for GET_WQ_CTX. */
	assert_int_equal((int64_t)get_wq_ctx().x[0], SCM_ERROR);
}

static void test_resume_unknown_tokens(void **state)
{
	static const uint64_t bad[] = { 0, 1, 0x3f, 0x40, 0xff, 0x12345678, ~0ULL, 0x100 | 63 };
	unsigned int i;

	(void)state;
	hold(0);
	assert_int_equal(pas(4).x[0], SCM_WAITQ_SLEEP);
	/* Any 64-bit value may arrive: indices past the table are refused first. */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal((int64_t)resume(bad[i]).x[0], SCM_EINVAL_ARG);
	assert_int_equal(counter(MOCK_CNT_RESUME_BAD), i);
	assert_int_equal((int64_t)smc(RESUME, 2, 0, 0).x[0], SCM_EINVAL_ARG);
	/* fast RESUME, yielding GET_WQ_CTX: not offered */
	assert_int_equal((int64_t)smc(0xc2002402, 1, 0, 0).x[0], SMC_UNKNOWN);
	assert_int_equal((int64_t)smc(0x42002403, 0, 0, 0).x[0], SMC_UNKNOWN);
}

/* K = 4, a context per call: each parked call gets the lowest free context. */
static void test_contexts_per_call(void **state)
{
	struct smc_ctx a, b, w;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	assert_int_equal(smc(GET_INFO, 0, 0, 0).x[1], 4);
	assert_int_equal(smc(GET_INFO, 0, 0, 0).x[2], 42);
	hold(1);
	hold(2);
	a = pas(1);			/* resource 2 */
	b = smc(REMOTE, 2, 5, 1);	/* resource 1 */
	assert_int_equal(a.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(a.x[1], 0);
	assert_int_equal(b.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(b.x[1], 1);
	assert_int_not_equal(a.x[2], b.x[2]);
	/* A call on a free resource is not held up. */
	assert_int_equal(smc(0xc2000601, 1, (2U << 24) | 0x0601, 0).x[1], 1);

	release(2);
	release(1);
	assert_int_equal(mock_wakes_raised, 2);
	w = get_wq_ctx();
	assert_int_equal(w.x[1], 0);
	assert_int_equal(w.x[3], 1);		/* ctx 1 still pending */
	w = get_wq_ctx();
	assert_int_equal(w.x[1], 1);
	assert_int_equal(w.x[3], 0);
	/* Resume in any order, from any CPU. */
	mock_cpu_index = 3;
	assert_int_equal(resume(b.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_REMOTE_STATE(1)), 5);
	mock_cpu_index = 0;
	assert_int_equal(resume(a.x[2]).x[1], 1);
	/* Contexts are free again: the next call to park gets 0. */
	hold(2);
	assert_int_equal(pas(1).x[1], 0);
}

/* wq_model=resource: context r is resource r, as before. */
static void test_contexts_per_resource(void **state)
{
	struct smc_ctx a, b, w;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	resource_model();
	hold(1);
	hold(2);
	a = pas(1);
	b = smc(REMOTE, 2, 5, 1);
	assert_int_equal(a.x[1], 2);
	assert_int_equal(b.x[1], 1);
	release(2);
	release(1);
	w = get_wq_ctx();
	assert_int_equal(w.x[1], 1);
	w = get_wq_ctx();
	assert_int_equal(w.x[1], 2);
	assert_int_equal(resume(b.x[2]).x[0], 0);
	assert_int_equal(resume(a.x[2]).x[1], 1);
}

/*
 * K counts parked calls across both VMs (wq_model=call): with the second
 * VM's call parked, K = 2 leaves one context; the next call finds none
 * and gets -12, counted no_ctx.
 */
static void test_k_calls_across_vms(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	hold(0);
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 100000);	/* its call on resource 0 is due now */
	assert_int_equal(counter(MOCK_CNT_VM2_PARKS), 1);
	c = pas(4);				/* resource 0 */
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(c.x[1], 1);		/* the second VM has context 0 */
	assert_int_equal((int64_t)smc(ASSIGN, 0x1117, 0, 0).x[0], SCM_EINVAL_ADDR);
	assert_int_equal((int64_t)smc(HDCP, 10, 0, 0).x[0], SCM_EINVAL_ADDR);
	assert_int_equal((int64_t)pas(1).x[0], SCM_EBUSY);
	assert_int_equal(counter(MOCK_CNT_NO_CTX), 1);
	assert_int_equal(counter(MOCK_CNT_PARKED_PEAK), 2);
	assert_int_equal(counter(MOCK_CNT_PARKED), 1);	/* the normal world's only */
}

/*
 * A resource goes to its waiters in the order they parked, the second
 * VM's included: its call parked first, so it takes the resource at the
 * release and the normal world's call is woken only when it lets go.
 */
static void test_served_in_order_parked(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	hold(0);
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 100000);
	c = pas(4);
	mock_now_us = 50;
	release(0);
	assert_int_equal(counter(MOCK_CNT_HELD), 1);	/* the second VM's now */
	assert_int_equal(counter(MOCK_CNT_TAKES), 1);
	assert_int_equal(mock_wakes_raised, 0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(mock_tick(1049), 1050);	/* its hold ends at 50 + 1000 */
	assert_int_equal(mock_wakes_raised, 0);
	mock_tick(1050);
	assert_int_equal(counter(MOCK_CNT_HELD), 0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(get_wq_ctx().x[1], 1);
	assert_int_equal(resume(c.x[2]).x[1], 1);
}

/*
 * A woken call does not keep its resource, as on a real lock: the second
 * VM finding it free takes it, and the woken call's RESUME sleeps again
 * (not premature) until the next release wakes it anew.
 */
static void test_woken_call_does_not_keep_resource(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	hold(0);
	c = pas(4);
	release(0);				/* woken */
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 100000);	/* its call on 0 comes now */
	assert_int_equal(counter(MOCK_CNT_HELD), 1);
	assert_int_equal(counter(MOCK_CNT_VM2_PARKS), 0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	mock_tick(1000);
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
}

/* A woken call never resumed holds up nobody: the next release wakes the next. */
static void test_leaked_wake_holds_nobody_up(void **state)
{
	struct smc_ctx a, b;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	hold(0);
	a = pas(4);
	b = pas(4);
	release(0);
	assert_int_equal(mock_wakes_raised, 1);	/* a's wake; a is never resumed */
	hold(0);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(get_wq_ctx().x[1], a.x[1]);
	assert_int_equal(get_wq_ctx().x[1], b.x[1]);
	assert_int_equal(resume(b.x[2]).x[1], 1);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
}

/*
 * wq_model=resource: two calls of a shared context woken before Linux
 * fetched the first wake are two wakes, two GET_WQ_CTX answers (the first
 * saying more are pending) and one interrupt; both RESUMEs run, neither
 * counted unfetched, and nothing is left parked.
 */
static void test_shared_ctx_wakes_counted(void **state)
{
	struct smc_ctx a, b, w;

	(void)state;
	resource_model();
	hold(0);
	a = pas(4);
	b = pas(4);
	release(0);		/* a woken */
	hold(0);
	release(0);		/* b woken: a's wake is not fetched yet */
	assert_int_equal(mock_wakes_raised, 1);
	w = get_wq_ctx();
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 0);
	assert_int_equal(w.x[3], 1);
	assert_int_equal(resume(a.x[2]).x[0], 0);
	w = get_wq_ctx();
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 0);
	assert_int_equal(w.x[3], 0);
	assert_int_equal((int64_t)get_wq_ctx().x[0], SCM_ERROR);
	assert_int_equal(resume(b.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 0);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 0);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
}

/* WAKE_ONE, a context per call: the first-parked sleeper only, then the next. */
static void test_wake_one_chains(void **state)
{
	struct smc_ctx c[3], w;
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	hold(2);
	for (i = 0; i < 3; i++) {
		c[i] = pas(4);
		assert_int_equal(c[i].x[1], i);
	}
	assert_int_equal(counter(MOCK_CNT_PARKED), 3);
	release(2);
	assert_int_equal(mock_wakes_raised, 1);
	w = get_wq_ctx();
	assert_int_equal(w.x[1], 0);
	assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ONE);
	assert_int_equal(w.x[3], 0);
	/* The later sleepers were not woken: one RESUME per WAKE_ONE. */
	assert_int_equal(resume(c[2].x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(resume(c[1].x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 2);
	for (i = 0; i < 3; i++) {
		assert_int_equal(resume(c[i].x[2]).x[0], 0);
		if (i < 2) {
			assert_int_equal(mock_wakes_raised, 2 + i);
			assert_int_equal(get_wq_ctx().x[1], i + 1);
		}
	}
	assert_int_equal(mock_wakes_raised, 3);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 0);
}

/* wq_model=resource, WAKE_ONE: one wake, one RESUME of that context. */
static void test_wake_one_per_resource(void **state)
{
	struct smc_ctx c[3];
	unsigned int i;

	(void)state;
	resource_model();
	hold(0);
	for (i = 0; i < 3; i++)
		c[i] = pas(4);
	release(0);
	assert_int_equal(get_wq_ctx().x[1], 0);
	/* A later sleeper may take the context's wake: counted overtaken. */
	assert_int_equal(resume(c[1].x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_OVERTAKEN), 1);
	/* The next wake is raised, but not yet fetched: unfetched. */
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(resume(c[0].x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 1);
	/* A wake was raised for c[2], and the drain finds it. */
	assert_int_equal(get_wq_ctx().x[1], 0);
	assert_int_equal(resume(c[2].x[2]).x[0], 0);
	/* Nothing woken now: a RESUME of nothing parked is -2, none is premature. */
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
}

static void test_wake_all(void **state)
{
	struct smc_ctx c[3], w;
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_K, 3);
	set_key(MOCK_KEY_WAKE_ALL, 1);
	hold(2);
	for (i = 0; i < 3; i++)
		c[i] = pas(4);
	release(2);
	for (i = 0; i < 3; i++) {
		w = get_wq_ctx();
		assert_int_equal(w.x[1], i);
		assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ALL);
		assert_int_equal(w.x[3], i < 2);
	}
	for (i = 0; i < 3; i++)
		assert_int_equal(resume(c[i].x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
}

static void test_wake_all_per_resource(void **state)
{
	struct smc_ctx c[3], w;
	unsigned int i;

	(void)state;
	resource_model();
	set_key(MOCK_KEY_WAKE_ALL, 1);
	hold(0);
	for (i = 0; i < 3; i++)
		c[i] = pas(4);
	release(0);
	w = get_wq_ctx();
	assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ALL);
	for (i = 0; i < 3; i++)
		assert_int_equal(resume(c[i].x[2]).x[0], 0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
}

/*
 * wq_model=resource, WAKE_ALL: the kernel releases every call of the
 * context it knows of when it fetches the wake, calls not woken and one
 * parked while the wake was on its way included. Each such call may RESUME
 * without a wake of its own (SLEEP again, not premature) until its SLEEP
 * answers are no longer within the crossing window; then such a RESUME is
 * premature.
 */
static void test_wake_all_releases_context(void **state)
{
	struct smc_ctx a, b;

	(void)state;
	resource_model();
	set_key(MOCK_KEY_WAKE_ALL, 1);
	hold(0);
	a = pas(4);
	release(0);			/* a woken */
	hold(0);			/* taken again before Linux fetched */
	assert_int_equal(get_wq_ctx().x[2], SCM_WAITQ_FLAG_WAKE_ALL);
	b = pas(4);			/* parked just after the fetch */
	assert_int_equal(resume(a.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(resume(b.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 0);
	/* b's SLEEP answer came while the wake could cross it: once more. */
	mock_tick(mock_now_us + WQ_TEST_CROSSING_US);
	assert_int_equal(resume(b.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(resume(b.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 1);
	release(0);
	assert_int_equal(get_wq_ctx().x[2], SCM_WAITQ_FLAG_WAKE_ALL);
	assert_int_equal(resume(a.x[2]).x[0], 0);
	assert_int_equal(resume(b.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 1);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
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
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
}

/* One edge per newly woken context: no GET_WQ_CTX finds nothing. */
static void test_signal_once_until_fetched(void **state)
{
	struct smc_ctx c;

	(void)state;
	hold(0);
	c = pas(4);
	release(0);
	hold(0);
	release(0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal((int64_t)get_wq_ctx().x[0], SCM_ERROR);
	hold(0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
}

/* Per resource: 64 slots; a context per call: K contexts. Then -12. */
static void test_park_table_full(void **state)
{
	unsigned int i;

	(void)state;
	hold(0);
	assert_int_equal(pas(4).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	assert_int_equal(counter(MOCK_CNT_NO_CTX), 1);
	release(0);
	mock_model_setup(NULL);
	resource_model();
	hold(0);
	for (i = 0; i < SCM_PARK_SLOTS; i++)
		assert_int_equal(pas(4).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	assert_int_equal(counter(MOCK_CNT_PARKED), SCM_PARK_SLOTS);
	assert_int_equal(counter(MOCK_CNT_BUSY), 1);
	assert_int_equal(counter(MOCK_CNT_NO_CTX), 0);
}

/*
 * The argument buffer belongs to firmware until the call completes: a
 * caller that changes it while the call is parked is counted, and the call
 * runs with what firmware read at first.
 */
static void test_buffer_changed(void **state)
{
	uint64_t args[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	struct smc_ctx c;
	unsigned int i, round;

	(void)state;
	for (round = 0; round < 2; round++) {
		for (i = 3; i < 10; i++)
			mock_put_le(MOCK_NS_BASE + 8 * (i - 3), args[i], 8);
		hold(0);
		c = mock_ctx(HDCP, 10, 1, 2);
		c.x[4] = 3;
		c.x[5] = MOCK_NS_BASE;
		smc_handle(&c);
		assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
		if (round)	/* freed and reused while parked */
			mock_put_le(MOCK_NS_BASE + 8 * 6, 0xdead, 8);
		release(0);
		assert_int_equal(get_wq_ctx().x[0], 0);
		c = resume(c.x[2]);
		assert_int_equal(c.x[0], 0);
		assert_int_equal(c.x[1], scm_hdcp_hash(args, 10));
		assert_int_equal(counter(MOCK_CNT_BUFFER_CHANGED), round);
	}
}

/*
 * A woken call nobody resumes (here: the kernel got a SLEEP for a fast
 * call it cannot resume) is abandoned after abandon_us: counted, its slot
 * and context freed, never again a sleeper.
 */
static void test_abandoned_reclaimed(void **state)
{
	struct smc_ctx c;
	unsigned int i;
	uint64_t t;

	(void)state;
	set_key(MOCK_KEY_ABANDON_US, 1000);
	set_key(MOCK_KEY_FAULT_EVERY, 1);
	for (i = 0; i < 2 * SCM_PARK_SLOTS; i++) {
		set_key(MOCK_KEY_FAULTS, MOCK_FAULT_FAST_SLEEP);
		c = smc(IO_READ, 1, 0x40, 0);
		assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
		assert_int_equal(counter(MOCK_CNT_PARKED), 1);
		set_key(MOCK_KEY_FAULTS, 0);
		t = mock_now_us;
		assert_int_equal(mock_tick(t + 999), t + 1000);
		assert_int_equal(counter(MOCK_CNT_PARKED), 1);
		mock_tick(mock_now_us + 1);
		assert_int_equal(counter(MOCK_CNT_PARKED), 0);
		assert_int_equal(counter(MOCK_CNT_ABANDONED), i + 1);
		/* Gone: its token is unknown, its context free. */
		assert_int_equal((int64_t)resume(c.x[2]).x[0], SCM_EINVAL_ARG);
	}
	/* Nothing leaked: parking works and K may change. */
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_SET), MOCK_KEY_K, 2, 0), 0);
	hold(0);
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(c.x[1], 0);
	release(0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
}

/* An abandoned call stops being woken: the sleeper behind it gets its turn. */
static void test_abandoned_not_a_sleeper(void **state)
{
	struct smc_ctx lost, c;

	(void)state;
	resource_model();
	set_key(MOCK_KEY_ABANDON_US, 1000);
	set_key(MOCK_KEY_FAULT_EVERY, 1);
	set_key(MOCK_KEY_FAULTS, MOCK_FAULT_BAD_TOKEN);
	hold(0);
	lost = pas(4);				/* its token is wrong: never resumed */
	set_key(MOCK_KEY_FAULTS, 0);
	c = pas(4);
	release(0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal((int64_t)resume(lost.x[2]).x[0], SCM_EINVAL_ARG);
	mock_tick(1000);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 1);
	assert_int_equal(mock_wakes_raised, 2);	/* c's turn */
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
	/* No phantom: the next rounds wake nobody. */
	hold(0);
	release(0);
	assert_int_equal(mock_wakes_raised, 2);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_SET), MOCK_KEY_K, 4, 0), 0);
}

/*
 * On hardware the clock moves while the model runs: a call woken by the
 * second VM's release inside a tick is woken "after" the time that tick
 * read. It must not look abandoned (the subtraction must not wrap).
 */
static void test_woken_during_tick_not_abandoned(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 100000);
	mock_clock_step_us = 1;
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	mock_tick(1000);
	mock_tick(1001);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
}

/* A call parked but never woken (its resource still held) does not expire. */
static void test_unwoken_call_never_abandoned(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_ABANDON_US, 1000);
	hold(0);
	c = pas(4);
	assert_int_equal(mock_tick(10000000), 0);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 0);
	release(0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
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
	assert_int_equal((int64_t)get_wq_ctx().x[0], SMC_UNKNOWN);
}

/* Spin: the second VM releases after hold_us; the clock runs while we spin. */
static void test_spin_mode(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_MODE, MOCK_MODE_SPIN);
	set_key(MOCK_KEY_HOLD_US, 5000);
	set_key(MOCK_KEY_PERIOD_US, 100000);	/* takes resource 0 at t = 0 */
	assert_int_equal(counter(MOCK_CNT_HELD), 1);
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
}

static void test_contender_schedule(void **state)
{
	uint64_t next, t;
	unsigned int takes;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_JITTER_US, 2000);
	set_key(MOCK_KEY_PERIOD_US, 10000);	/* resource r's first call at r * 2500 */
	assert_int_equal(counter(MOCK_CNT_HELD), 1);
	assert_int_equal(mock_timer_deadline, 1000);	/* its release at hold_us */
	next = mock_tick(1000);
	assert_int_equal(counter(MOCK_CNT_HELD), 0);
	assert_int_equal(next, 2500);
	mock_tick(2500);
	assert_int_equal(counter(MOCK_CNT_HELD), 2);
	for (t = 2500; t < 1000000; t += 500)
		mock_tick(t);
	takes = (unsigned int)counter(MOCK_CNT_TAKES);
	assert_true(takes >= 4 * 80 && takes <= 4 * 125);
	/* Off: nothing more, no timer. */
	set_key(MOCK_KEY_PERIOD_US, 0);
	mock_tick(t);
	assert_int_equal(mock_tick(t + 5000), 0);
	assert_int_equal(counter(MOCK_CNT_HELD), 0);
}

/*
 * The second VM contends for each resource as much whatever K is: the
 * busy time of one resource over a second is the same for K = 1 and 4.
 */
static unsigned int busy_ms_of_resource(unsigned int k, unsigned int r)
{
	unsigned int t, busy = 0;

	mock_model_setup(NULL);
	set_key(MOCK_KEY_K, k);
	set_key(MOCK_KEY_HOLD_US, 1500);
	set_key(MOCK_KEY_JITTER_US, 500);
	set_key(MOCK_KEY_PERIOD_US, 3000);
	for (t = 0; t < 1000000; t += 100) {
		mock_tick(t);
		if (t % 1000 == 0)
			busy += (counter(MOCK_CNT_HELD) >> r) & 1;
	}
	return busy;
}

static void test_contender_load_per_resource(void **state)
{
	unsigned int k1 = busy_ms_of_resource(1, 0), k4;

	(void)state;
	assert_true(k1 >= 450 && k1 <= 550);	/* 1.5 ms of every 3 */
	for (unsigned int r = 0; r < 4; r++) {
		k4 = busy_ms_of_resource(4, r);
		assert_true(k4 + 50 >= k1 && k4 <= k1 + 50);
	}
}

/* Same seed, same schedule. */
static void test_contender_seeded(void **state)
{
	uint64_t seen[2][16];
	unsigned int run, i;

	(void)state;
	for (run = 0; run < 2; run++) {
		mock_model_setup(NULL);
		set_key(MOCK_KEY_K, 16);
		set_key(MOCK_KEY_SEED, 7);
		set_key(MOCK_KEY_HOLD_US, 10);
		set_key(MOCK_KEY_JITTER_US, 50);
		set_key(MOCK_KEY_PERIOD_US, 100);
		for (i = 0; i < 16; i++) {
			mock_tick(i * 37);
			seen[run][i] = counter(MOCK_CNT_HELD);
		}
	}
	assert_memory_equal(seen[0], seen[1], sizeof(seen[0]));
}

/* The second VM's release wakes a parked call, raised from the timer tick. */
static void test_contender_wakes_parked(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_HOLD_US, 1000);
	set_key(MOCK_KEY_PERIOD_US, 50000);
	mock_now_us = 10;
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	mock_tick(1000);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(get_wq_ctx().x[1], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
}

/* RELEASE_ALL stops the second VM, drops its parked calls, frees everything. */
static void test_release_all(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	set_key(MOCK_KEY_HOLD_US, 40000);
	set_key(MOCK_KEY_PERIOD_US, 10000);	/* holds 0 at 0, parks on it at 10000 */
	mock_now_us = 1;
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	mock_tick(10000);
	assert_int_equal(counter(MOCK_CNT_VM2_PARKS), 1);
	assert_int_equal(smc(MOCK_CTL_FID(MOCK_CTL_RELEASE_ALL), 0, 0, 0).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_HELD), 0);
	assert_int_equal(mock_get(MOCK_KEY_PERIOD_US), 0);
	assert_int_equal(mock_wakes_raised, 1);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_HELD), 0);
}

/*
 * Upstream Linux 6.12's driver, step by step: one completion for context
 * 0, the IRQ handler drains GET_WQ_CTX while more_pending and accepts
 * WAKE_ONE only, the sleeper RESUMEs after its completion. Against the
 * default model and a contending second VM every call comes back right
 * and the model sees nothing to count against it.
 */
static void test_upstream_612_flow(void **state)
{
	unsigned int i, completions = 0, seen_wakes = 0, slept = 0;

	(void)state;
	set_key(MOCK_KEY_HOLD_US, 1500);
	set_key(MOCK_KEY_JITTER_US, 500);
	set_key(MOCK_KEY_PERIOD_US, 3000);
	for (i = 0; i < 500; i++) {
		struct smc_ctx c = pas(i % 20);
		unsigned int guard = 0;

		while (c.x[0] == SCM_WAITQ_SLEEP || (int64_t)c.x[0] == SCM_EBUSY) {
			assert_true(++guard < 1000);
			if ((int64_t)c.x[0] == SCM_EBUSY) {	/* msleep(30), retry */
				mock_tick(mock_now_us + 30000);
				c = pas(i % 20);
				continue;
			}
			slept++;
			assert_int_equal(c.x[1], 0);	/* qcom_scm_assert_valid_wq_ctx() */
			/* wait_for_completion(): time passes until the IRQ fires. */
			while (!completions) {
				mock_tick(mock_now_us + 100);
				while (seen_wakes < mock_wakes_raised) {
					struct smc_ctx w;

					seen_wakes++;
					do {
						w = get_wq_ctx();
						if (w.x[0])
							break;
						assert_int_equal(w.x[2], SCM_WAITQ_FLAG_WAKE_ONE);
						assert_int_equal(w.x[1], 0);
						completions++;
					} while (w.x[3]);
				}
			}
			completions--;
			c = resume(c.x[2]);
		}
		assert_int_equal(c.x[0], 0);
		assert_int_equal(c.x[1], (i % 20 == 1 || i % 20 == 4 || i % 20 == 9 ||
					  i % 20 == 12 || i % 20 == 18));
		mock_tick(mock_now_us + 200);
	}
	assert_true(slept > 20);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 0);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 0);
	assert_int_equal(counter(MOCK_CNT_RESUME_BAD), 0);
}

/*
 * Drivers that break the protocol, as small models of a kernel: each gets
 * every answer right in the end, and the firmware's counters show what it
 * did wrong. These are what the guest tests' zero assertions catch.
 */

/* A sleeper wakes on any wake interrupt, whatever GET_WQ_CTX named. */
static void test_broken_driver_ignores_wq_ctx(void **state)
{
	struct smc_ctx a, b;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	hold(1);
	hold(2);
	a = pas(4);			/* resource 2, ctx 0 */
	b = smc(REMOTE, 2, 1, 1);	/* resource 1, ctx 1 */
	release(1);
	assert_int_equal(get_wq_ctx().x[1], 1);
	assert_int_equal(resume(a.x[2]).x[0], SCM_WAITQ_SLEEP);	/* not its wake */
	assert_int_equal(resume(b.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 1);
}

/* WAKE_ONE taken as "everybody go": every sleeper of the resource resumes. */
static void test_broken_driver_ignores_flags(void **state)
{
	struct smc_ctx c[3];
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_K, 4);
	hold(2);
	for (i = 0; i < 3; i++)
		c[i] = pas(4);
	release(2);
	assert_int_equal(get_wq_ctx().x[2], SCM_WAITQ_FLAG_WAKE_ONE);
	for (i = 3; i--; )		/* the last sleeper first, say */
		resume(c[i].x[2]);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 2);
}

/* The argument buffer freed at SLEEP and reused by the next caller. */
static void test_broken_driver_frees_buffer(void **state)
{
	struct smc_ctx c;

	(void)state;
	hold(0);
	c = mock_ctx(HDCP, 10, 1, 2);
	c.x[5] = MOCK_NS_BASE;
	smc_handle(&c);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	memset(mock_ns_ram, 0x6b, 56);	/* kfree() poison */
	release(0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	assert_int_equal(counter(MOCK_CNT_BUFFER_CHANGED), 1);
}

/* No interrupt used: RESUME polled with back-off until it does not sleep. */
static void test_broken_driver_never_uses_irq(void **state)
{
	struct smc_ctx c;
	unsigned int polls = 0;

	(void)state;
	set_key(MOCK_KEY_HOLD_US, 1500);
	set_key(MOCK_KEY_PERIOD_US, 3000);
	mock_now_us = 10;
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	while (c.x[0] == SCM_WAITQ_SLEEP) {
		assert_true(++polls < 100);
		mock_tick(mock_now_us + 1000);	/* msleep(1) */
		c = resume(c.x[2]);
	}
	assert_int_equal(c.x[1], 1);
	assert_true(counter(MOCK_CNT_PREMATURE) >= 1);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 1);
}

/* SLEEP taken for an error (the unpatched kernel): the call is left behind. */
static void test_broken_driver_walks_away(void **state)
{
	(void)state;
	hold(0);
	assert_int_equal(pas(4).x[0], SCM_WAITQ_SLEEP);		/* -EINVAL to the caller */
	release(0);
	mock_tick(SCM_ABANDON_US_DEFAULT);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 1);
}

/* More yielding calls in flight than K contexts. */
static void test_broken_driver_exceeds_k(void **state)
{
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_K, 2);
	hold(0);
	for (i = 0; i < 3; i++)
		pas(4);
	assert_int_equal(counter(MOCK_CNT_NO_CTX), 1);
	assert_int_equal(counter(MOCK_CNT_PARKED), 2);
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
	/* Hostile tokens: past the table, or never issued. */
	r = mock_ctx(1, 1, 4, 0);
	r.x[6] = 0xff;
	smc_handle(&r);
	assert_int_equal((int64_t)r.x[0], SCM_EINVAL_ARG);
}

/* A token never reissued is abandoned too, and its slot comes back. */
static void test_interrupted_abandoned(void **state)
{
	unsigned int i;

	(void)state;
	set_key(MOCK_KEY_ABANDON_US, 1000);
	set_key(MOCK_KEY_FAULT_EVERY, 1);
	for (i = 0; i < 40; i++) {
		set_key(MOCK_KEY_FAULTS, MOCK_FAULT_INTERRUPT);
		assert_int_equal(pas(4).x[0], SCM_INTERRUPTED);
		set_key(MOCK_KEY_FAULTS, 0);
		mock_tick(mock_now_us + 1000);
	}
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 40);
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
	/* The context is pending all the same: a poll finds it. */
	assert_int_equal(get_wq_ctx().x[0], 0);
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
	assert_int_equal(get_wq_ctx().x[0], 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	hold(0);
	release(0);				/* nothing parked: spurious wake */
	assert_int_equal(mock_wakes_raised, 3);
	assert_int_equal((int64_t)get_wq_ctx().x[0], SCM_ERROR);
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
	assert_int_equal((int64_t)get_wq_ctx().x[0], SCM_ERROR);
	faults(MOCK_FAULT_WQ_UNKNOWN);
	w = get_wq_ctx();
	assert_int_equal(w.x[0], 0);
	assert_int_equal(w.x[1], 2 + 7);
	assert_int_equal(w.x[3], 1);
	faults(MOCK_FAULT_WQ_BADFLAGS);
	w = get_wq_ctx();
	assert_int_equal(w.x[1], 0);		/* the real context, at last */
	assert_int_equal(w.x[2], 0xc);
	faults(MOCK_FAULT_STICKY_MORE);
	w = get_wq_ctx();			/* nothing left, still "more" */
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
	assert_int_equal(get_wq_ctx().x[0], 0);
	faults(MOCK_FAULT_RESUME_SLEEP);
	r = resume(c.x[2]);
	assert_int_equal(r.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(r.x[2], c.x[2]);
	assert_int_equal(mock_wakes_raised, 2);	/* woken again, or it would hang */
	assert_int_equal(get_wq_ctx().x[0], 0);
	faults(MOCK_FAULT_RESUME_BUSY);
	assert_int_equal((int64_t)resume(c.x[2]).x[0], SCM_EBUSY);
	/* Dropped: Linux retries the original call. */
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	faults(0);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
}

static void test_fault_fast_sleep(void **state)
{
	struct smc_ctx c;

	(void)state;
	assert_int_equal(smc(IO_WRITE, 2, 0x40, 0x99).x[0], 0);
	faults(MOCK_FAULT_FAST_SLEEP);
	c = smc(IO_READ, 1, 0x40, 0);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(mock_wakes_raised, 1);
	faults(0);
	assert_int_equal(get_wq_ctx().x[0], 0);
	c = resume(c.x[2]);
	assert_int_equal(c.x[0], 0);
	assert_int_equal(c.x[1], 0x99);
	/* GET_WQ_CTX itself never gets SLEEP. */
	faults(MOCK_FAULT_FAST_SLEEP);
	assert_int_not_equal(get_wq_ctx().x[0], SCM_WAITQ_SLEEP);
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
	/* The real call stays parked until it is abandoned. */
	assert_int_equal(counter(MOCK_CNT_PARKED), 1);
	mock_tick(SCM_ABANDON_US_DEFAULT);
	assert_int_equal(counter(MOCK_CNT_PARKED), 0);
	assert_int_equal(counter(MOCK_CNT_ABANDONED), 1);
}

static void test_fault_every(void **state)
{
	unsigned int i, sleeps = 0;

	(void)state;
	set_key(MOCK_KEY_ABANDON_US, 1);
	set_key(MOCK_KEY_FAULTS, MOCK_FAULT_FAST_SLEEP);
	set_key(MOCK_KEY_FAULT_EVERY, 3);
	for (i = 0; i < 9; i++) {
		sleeps += smc(IO_READ, 1, 0x40, 0).x[0] == SCM_WAITQ_SLEEP;
		mock_tick(mock_now_us + 1);	/* the unresumed one expires */
	}
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
				assert_int_equal(get_wq_ctx().x[0], 0);
				c = resume(c.x[2]);
			} else {
				assert_int_equal((int64_t)c.x[0], SCM_EBUSY);
				c = pas(4);
			}
		}
		assert_int_equal(c.x[1], 1);
	}
	assert_true(odd > 10);
	assert_int_equal(counter(MOCK_CNT_PREMATURE), 0);
	assert_int_equal(counter(MOCK_CNT_UNFETCHED), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_free_resource_no_sleep, mock_model_setup),
		cmocka_unit_test_setup(test_sleep_wake_resume, mock_model_setup),
		cmocka_unit_test_setup(test_premature_resume, mock_model_setup),
		cmocka_unit_test_setup(test_unfetched_resume, mock_model_setup),
		cmocka_unit_test_setup(test_resume_unknown_tokens, mock_model_setup),
		cmocka_unit_test_setup(test_contexts_per_call, mock_model_setup),
		cmocka_unit_test_setup(test_contexts_per_resource, mock_model_setup),
		cmocka_unit_test_setup(test_k_calls_across_vms, mock_model_setup),
		cmocka_unit_test_setup(test_served_in_order_parked, mock_model_setup),
		cmocka_unit_test_setup(test_woken_call_does_not_keep_resource, mock_model_setup),
		cmocka_unit_test_setup(test_leaked_wake_holds_nobody_up, mock_model_setup),
		cmocka_unit_test_setup(test_shared_ctx_wakes_counted, mock_model_setup),
		cmocka_unit_test_setup(test_wake_one_chains, mock_model_setup),
		cmocka_unit_test_setup(test_wake_one_per_resource, mock_model_setup),
		cmocka_unit_test_setup(test_wake_all, mock_model_setup),
		cmocka_unit_test_setup(test_wake_all_per_resource, mock_model_setup),
		cmocka_unit_test_setup(test_wake_all_releases_context, mock_model_setup),
		cmocka_unit_test_setup(test_retaken_sleeps_again, mock_model_setup),
		cmocka_unit_test_setup(test_signal_once_until_fetched, mock_model_setup),
		cmocka_unit_test_setup(test_park_table_full, mock_model_setup),
		cmocka_unit_test_setup(test_buffer_changed, mock_model_setup),
		cmocka_unit_test_setup(test_abandoned_reclaimed, mock_model_setup),
		cmocka_unit_test_setup(test_abandoned_not_a_sleeper, mock_model_setup),
		cmocka_unit_test_setup(test_woken_during_tick_not_abandoned, mock_model_setup),
		cmocka_unit_test_setup(test_unwoken_call_never_abandoned, mock_model_setup),
		cmocka_unit_test_setup(test_busy_mode, mock_model_setup),
		cmocka_unit_test_setup(test_spin_mode, mock_model_setup),
		cmocka_unit_test_setup(test_spin_mode_gives_up, mock_model_setup),
		cmocka_unit_test_setup(test_contender_schedule, mock_model_setup),
		cmocka_unit_test_setup(test_contender_load_per_resource, mock_model_setup),
		cmocka_unit_test_setup(test_contender_seeded, mock_model_setup),
		cmocka_unit_test_setup(test_contender_wakes_parked, mock_model_setup),
		cmocka_unit_test_setup(test_release_all, mock_model_setup),
		cmocka_unit_test_setup(test_upstream_612_flow, mock_model_setup),
		cmocka_unit_test_setup(test_broken_driver_ignores_wq_ctx, mock_model_setup),
		cmocka_unit_test_setup(test_broken_driver_ignores_flags, mock_model_setup),
		cmocka_unit_test_setup(test_broken_driver_frees_buffer, mock_model_setup),
		cmocka_unit_test_setup(test_broken_driver_never_uses_irq, mock_model_setup),
		cmocka_unit_test_setup(test_broken_driver_walks_away, mock_model_setup),
		cmocka_unit_test_setup(test_broken_driver_exceeds_k, mock_model_setup),
		cmocka_unit_test_setup(test_interrupted_reissue, mock_model_setup),
		cmocka_unit_test_setup(test_interrupted_mismatch, mock_model_setup),
		cmocka_unit_test_setup(test_interrupted_abandoned, mock_model_setup),
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
