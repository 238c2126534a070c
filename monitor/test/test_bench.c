// SPDX-License-Identifier: GPL-2.0
/*
 * test_bench.c - the firmware-side instruments of `make bench`: the
 * wake-to-resume samples of each kind (GET_SAMPLE, counter samples), the
 * second VM that takes a resource after every call (contend=each) and
 * HDCP calls spread over the resources by session (hdcp_res=session).
 * The mock's counter runs at 1 GHz on the test clock, so a sample is the
 * test's microseconds times 1000.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "scm.h"
#include "scm_svc.h"

#define PAS		0x42000207U	/* svc 2: resource 2 % K */
#define REMOTE		0x4200010aU	/* svc 1 */
#define HDCP		0x42001101U
#define RESUME		0x42002402U
#define GET_WQ_CTX	0xc2002403U
#define NS_PER_US	1000U

static struct smc_ctx pas(uint64_t id)
{
	return mock_call(PAS, 1, id, 0);
}

static struct smc_ctx resume(uint64_t token)
{
	return mock_call(RESUME, 1, token, 0);
}

static int64_t get_wq_ctx(void)
{
	return (int64_t)mock_call(GET_WQ_CTX, 0, 0, 0).x[0];
}

/* GET_SAMPLE @i: its status, and ns and kind when 0. */
static int64_t sample(uint64_t i, uint64_t *ns, uint64_t *kind)
{
	struct smc_ctx c = mock_call(MOCK_CTL_FID(MOCK_CTL_GET_SAMPLE), i, 0, 0);

	*ns = c.x[1];
	*kind = c.x[2];
	return (int64_t)c.x[0];
}

static void assert_sample(uint64_t i, uint64_t ns, uint64_t kind)
{
	uint64_t got_ns, got_kind;

	assert_int_equal(sample(i, &got_ns, &got_kind), 0);
	assert_int_equal(got_kind, kind);
	assert_int_equal(got_ns, ns);
}

static void assert_no_sample(uint64_t i)
{
	uint64_t ns, kind;

	assert_int_equal(sample(i, &ns, &kind), -2);
}

/* One parked PAS call, woken at @wake_us and resumed at @resume_us. */
static void park_wake_resume(uint64_t wake_us, uint64_t resume_us)
{
	struct smc_ctx c;

	mock_now_us = wake_us - 1;
	mock_hold(0);
	c = pas(4);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	mock_now_us = wake_us;
	mock_release(0);
	assert_int_equal(get_wq_ctx(), 0);
	mock_now_us = resume_us;
	assert_int_equal(resume(c.x[2]).x[1], 1);
}

/* ---- samples ---------------------------------------------------------- */

/*
 * mode=waitq: from the wake at the release to the first RESUME after it,
 * whatever that RESUME answers; a RESUME without a wake takes none.
 */
static void test_sample_wake_to_resume(void **state)
{
	struct smc_ctx c;

	(void)state;
	park_wake_resume(1000, 1250);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 1);
	assert_sample(0, 250 * NS_PER_US, MOCK_SAMPLE_WAITQ);
	assert_no_sample(1);

	/* Premature: no sample. Woken, retaken before the RESUME: its sample still. */
	mock_hold(0);
	c = pas(4);
	mock_now_us = 2000;
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 1);
	mock_release(0);
	mock_hold(0);
	mock_now_us = 2040;
	assert_int_equal(get_wq_ctx(), 0);
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_sample(1, 40 * NS_PER_US, MOCK_SAMPLE_WAITQ);
	/* Its next RESUME, with no new wake, takes none. */
	assert_int_equal(resume(c.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 2);
	mock_now_us = 3000;
	mock_release(0);
	mock_now_us = 3007;
	assert_int_equal(get_wq_ctx(), 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
	assert_sample(2, 7 * NS_PER_US, MOCK_SAMPLE_WAITQ);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 3);
}

/* A fault's wake is no release: fast-sleep's woken call takes no sample. */
static void test_sample_not_for_fault_wakes(void **state)
{
	struct smc_ctx c;

	(void)state;
	mock_set(MOCK_KEY_FAULTS, MOCK_FAULT_FAST_SLEEP);
	mock_set(MOCK_KEY_FAULT_EVERY, 1);
	c = mock_call(0xc2000501U, 1, 0x1000, 0);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(get_wq_ctx(), 0);
	assert_int_equal(resume(c.x[2]).x[0], 0);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 0);
}

/* RESET_COUNTERS forgets the samples and a wake before it. */
static void test_sample_reset(void **state)
{
	struct smc_ctx c;

	(void)state;
	park_wake_resume(10, 20);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 1);
	mock_hold(0);
	c = pas(4);
	mock_release(0);
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_RESET_COUNTERS), 0, 0, 0), 0);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 0);
	assert_no_sample(0);
	assert_int_equal(get_wq_ctx(), 0);
	assert_int_equal(resume(c.x[2]).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 0);
	park_wake_resume(100, 130);
	assert_sample(0, 30 * NS_PER_US, MOCK_SAMPLE_WAITQ);
}

/* u32 nanoseconds saturate; the first MOCK_SAMPLES_KEPT are kept, all counted. */
static void test_sample_saturates_and_keeps_first(void **state)
{
	uint64_t i, t = 1000;

	(void)state;
	mock_set(MOCK_KEY_ABANDON_US, 0);
	park_wake_resume(t, t + 5000000);	/* 5 s: more than 2^32 ns */
	assert_sample(0, UINT32_MAX, MOCK_SAMPLE_WAITQ);
	t += 6000000;
	for (i = 1; i < MOCK_SAMPLES_KEPT + 8; i++, t += 100)
		park_wake_resume(t, t + i % 50);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), MOCK_SAMPLES_KEPT + 8);
	assert_sample(1, 1 * NS_PER_US, MOCK_SAMPLE_WAITQ);
	assert_sample(MOCK_SAMPLES_KEPT - 1, (MOCK_SAMPLES_KEPT - 1) % 50 * NS_PER_US,
		      MOCK_SAMPLE_WAITQ);
	assert_no_sample(MOCK_SAMPLES_KEPT);
	assert_no_sample(~0ULL);
}

/*
 * mode=busy: a release after -12 answers is marked; the next call needing
 * the resource, answered whatever, takes the sample. A release nobody was
 * refused for takes none.
 */
static void test_sample_busy_retry(void **state)
{
	(void)state;
	mock_set(MOCK_KEY_MODE, MOCK_MODE_BUSY);
	mock_hold(0);
	mock_now_us = 100;
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	mock_now_us = 1000;
	mock_release(0);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 0);
	mock_now_us = 31000;
	assert_int_equal(pas(4).x[1], 1);
	assert_sample(0, 30000 * NS_PER_US, MOCK_SAMPLE_BUSY);
	assert_int_equal(pas(4).x[1], 1);
	mock_hold(0);
	mock_release(0);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 1);
	/* The retry meets the resource held again: still the sample, and a new mark. */
	mock_hold(0);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	mock_now_us = 40000;
	mock_release(0);
	mock_hold(0);
	mock_now_us = 70000;
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	assert_sample(1, 30000 * NS_PER_US, MOCK_SAMPLE_BUSY);
	mock_now_us = 70500;
	mock_release(0);
	mock_now_us = 100500;
	assert_int_equal(pas(4).x[1], 1);
	assert_sample(2, 30000 * NS_PER_US, MOCK_SAMPLE_BUSY);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 3);
	/* Other resources' releases are not this one's. */
	mock_set(MOCK_KEY_K, 4);
	mock_hold(1);
	assert_int_equal((int64_t)mock_call(REMOTE, 2, 0, 3).x[0], SCM_EBUSY);
	mock_hold(2);
	mock_release(2);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 3);
}

/* mode=spin: each spin that ends takes one, from the release; one that gives up none. */
static void test_sample_spin(void **state)
{
	uint64_t ns, kind;

	(void)state;
	mock_set(MOCK_KEY_MODE, MOCK_MODE_SPIN);
	mock_set(MOCK_KEY_HOLD_US, 5000);
	mock_set(MOCK_KEY_PERIOD_US, 100000);	/* takes resource 0 at t = 0 */
	mock_now_us = 1;
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_SPINS), 1);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 1);
	assert_int_equal(sample(0, &ns, &kind), 0);
	assert_int_equal(kind, MOCK_SAMPLE_SPIN);
	/* The spinning CPU released it itself, and saw it at once. */
	assert_int_equal(ns, 0);
	mock_smc(MOCK_CTL_FID(MOCK_CTL_RELEASE_ALL), 0, 0, 0);
	mock_spin_step_us = 1000000;
	mock_hold(0);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	assert_int_equal(mock_counter(MOCK_CNT_SPINS), 2);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 1);
}

/* ---- contend=each ----------------------------------------------------- */

static void contend_each(uint64_t hold_us)
{
	mock_set(MOCK_KEY_HOLD_US, hold_us);
	mock_set(MOCK_KEY_CONTEND, MOCK_CONTEND_EACH);
	assert_int_equal(mock_get(MOCK_KEY_CONTEND), MOCK_CONTEND_EACH);
}

/*
 * A caller alone: its call runs, the second VM takes the resource for
 * hold_us; its next call sleeps until that release, resumes, runs, and
 * the second VM takes it again. One call per hold (+ wake latency).
 */
static void test_contend_each_caller_alone(void **state)
{
	struct smc_ctx c;
	uint64_t t;

	(void)state;
	contend_each(1000);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);	/* nothing before a call */
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 1);
	assert_int_equal(mock_timer_deadline, 1000);
	for (t = 1000; t < 11000; t += 1000) {
		c = pas(4);
		assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
		mock_tick(t);				/* released: the sleeper woken */
		assert_int_equal(get_wq_ctx(), 0);
		mock_now_us = t + 20;
		assert_int_equal(resume(c.x[2]).x[1], 1);
		assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
		assert_int_equal(mock_timer_deadline, t + 1020);
		t += 20;
	}
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 11);
	assert_int_equal(mock_counter(MOCK_CNT_SLEEPS), 10);
	assert_int_equal(mock_counter(MOCK_CNT_WAKES), 10);
	assert_int_equal(mock_counter(MOCK_CNT_SAMPLES), 10);
	assert_sample(9, 20 * NS_PER_US, MOCK_SAMPLE_WAITQ);
	assert_int_equal(mock_counter(MOCK_CNT_PREMATURE), 0);
}

/*
 * The woken call runs, the second VM retakes the resource, and the next
 * sleeper is woken at the next release, not when the first one ran.
 */
static void test_contend_each_wake_order(void **state)
{
	struct smc_ctx a, b;

	(void)state;
	mock_set(MOCK_KEY_K, 2);		/* two contexts; PAS needs resource 0 */
	contend_each(1000);
	assert_int_equal(pas(4).x[1], 1);
	a = pas(4);
	b = pas(1);
	assert_int_equal(a.x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(b.x[0], SCM_WAITQ_SLEEP);
	mock_tick(1000);
	assert_int_equal(mock_counter(MOCK_CNT_WAKES), 1);
	assert_int_equal(get_wq_ctx(), 0);
	assert_int_equal(resume(a.x[2]).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	assert_int_equal(mock_counter(MOCK_CNT_WAKES), 1);	/* b still asleep */
	assert_int_equal(get_wq_ctx(), SCM_ERROR);
	assert_int_equal(resume(b.x[2]).x[0], SCM_WAITQ_SLEEP);
	assert_int_equal(mock_counter(MOCK_CNT_PREMATURE), 1);
	mock_tick(2000);
	assert_int_equal(mock_counter(MOCK_CNT_WAKES), 2);
	assert_int_equal(get_wq_ctx(), 0);
	assert_int_equal(resume(b.x[2]).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 3);
	assert_int_equal(mock_counter(MOCK_CNT_PARKED), 0);
}

/* K resources: callers on different ones each meet their own hold, in parallel. */
static void test_contend_each_resources_apart(void **state)
{
	(void)state;
	mock_set(MOCK_KEY_K, 4);
	contend_each(1000);
	assert_int_equal(pas(4).x[1], 1);			/* resource 2 */
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1U << 2);
	assert_int_equal(mock_call(REMOTE, 2, 0, 3).x[0], 0);	/* resource 1 */
	assert_int_equal(mock_counter(MOCK_CNT_HELD), (1U << 2) | (1U << 1));
	/* Calls needing no resource leave the second VM alone. */
	assert_int_equal(mock_call(0xc2000501U, 1, 0x1000, 0).x[0], 0);
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 2);
	mock_tick(1000);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);
}

/* The hold varies by +- jitter_us; hold_us = 0: taken and let go at once. */
static void test_contend_each_jitter(void **state)
{
	unsigned int i, lo = 0, hi = 0;

	(void)state;
	mock_set(MOCK_KEY_JITTER_US, 300);
	contend_each(1000);
	for (i = 0; i < 200; i++) {
		mock_now_us = 10000 * (i + 1);
		assert_int_equal(pas(4).x[1], 1);
		assert_true(mock_timer_deadline >= mock_now_us + 700);
		assert_true(mock_timer_deadline <= mock_now_us + 1300);
		lo += mock_timer_deadline < mock_now_us + 1000;
		hi += mock_timer_deadline > mock_now_us + 1000;
		mock_tick(mock_timer_deadline);
		assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);
	}
	assert_true(lo > 50 && hi > 50);
	mock_set(MOCK_KEY_JITTER_US, 0);
	mock_set(MOCK_KEY_HOLD_US, 0);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 201);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);
}

/*
 * contend=each has no schedule: period_us makes no calls of its own.
 * RELEASE_ALL stops it (contend back to periodic), and K may then change.
 */
static void test_contend_each_no_schedule_release_all(void **state)
{
	uint64_t t;

	(void)state;
	contend_each(1000);
	mock_set(MOCK_KEY_PERIOD_US, 3000);
	for (t = 0; t < 30000; t += 500)
		mock_tick(t);
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 0);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	assert_int_equal((int64_t)mock_smc(MOCK_CTL_FID(MOCK_CTL_SET), MOCK_KEY_K, 2, 0), -12);
	assert_int_equal(mock_smc(MOCK_CTL_FID(MOCK_CTL_RELEASE_ALL), 0, 0, 0), 0);
	assert_int_equal(mock_get(MOCK_KEY_CONTEND), MOCK_CONTEND_PERIODIC);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);
	mock_set(MOCK_KEY_K, 2);
	contend_each(1000);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);	/* resource 2 % 2 */
}

/* Legacy firmware meets the holds too: -12 (busy), or a spin (spin). */
static void test_contend_each_legacy(void **state)
{
	(void)state;
	mock_set(MOCK_KEY_MODE, MOCK_MODE_BUSY);
	contend_each(1000);
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal((int64_t)pas(4).x[0], SCM_EBUSY);
	mock_tick(1000);
	mock_now_us = 31000;
	assert_int_equal(pas(4).x[1], 1);
	assert_sample(0, 30000 * NS_PER_US, MOCK_SAMPLE_BUSY);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	mock_set(MOCK_KEY_MODE, MOCK_MODE_SPIN);
	mock_spin_step_us = 100;
	assert_int_equal(pas(4).x[1], 1);
	assert_int_equal(mock_counter(MOCK_CNT_SPINS), 1);
	assert_true(mock_counter(MOCK_CNT_SPIN_US) >= 900);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	assert_int_equal(mock_counter(MOCK_CNT_TAKES), 3);
}

/* ---- hdcp_res=session --------------------------------------------------- */

/* HDCP/INVOKE as Linux issues it: req[k].addr, req[k].val pairs, 3..9 in x5's buffer. */
static struct smc_ctx hdcp(unsigned int session)
{
	uint64_t args[10];
	struct smc_ctx c;
	unsigned int i;

	for (i = 0; i < 10; i += 2) {
		args[i] = 0x1000 + 2 * i;
		args[i + 1] = (uint64_t)session << 24 | 0x50 | i / 2;
	}
	for (i = 3; i < 10; i++)
		mock_put_le(MOCK_NS_BASE + 8 * (i - 3), args[i], 8);
	c = mock_ctx(HDCP, 10, args[0], args[1]);
	c.x[4] = args[2];
	c.x[5] = MOCK_NS_BASE;
	smc_handle(&c);
	if (c.x[0] == 0)
		assert_int_equal(c.x[1], scm_hdcp_hash(args, 10));
	return c;
}

/* svc (default): every HDCP call needs 0x11 % K; session: its session % K. */
static void test_hdcp_resource_by_session(void **state)
{
	struct smc_ctx c[4];
	unsigned int s;

	(void)state;
	mock_set(MOCK_KEY_K, 4);
	mock_hold(1);				/* 0x11 % 4 */
	for (s = 0; s < 4; s++) {
		c[s] = hdcp(s);
		assert_int_equal(c[s].x[0], SCM_WAITQ_SLEEP);
	}
	mock_release(1);
	for (s = 0; s < 4; s++) {		/* one after the other, in the order parked */
		assert_int_equal(get_wq_ctx(), 0);
		assert_int_equal(resume(c[s].x[2]).x[0], 0);
	}
	assert_int_equal(mock_counter(MOCK_CNT_PARKED), 0);
	mock_set(MOCK_KEY_HDCP_RES, MOCK_HDCP_RES_SESSION);
	assert_int_equal(mock_get(MOCK_KEY_HDCP_RES), MOCK_HDCP_RES_SESSION);
	mock_hold(3);
	for (s = 0; s < 8; s++)
		assert_int_equal(hdcp(s).x[0], s % 4 == 3 ? (uint64_t)SCM_WAITQ_SLEEP : 0);
	assert_int_equal(mock_counter(MOCK_CNT_PARKED), 2);
	/* Other services keep svc % K. */
	assert_int_equal(pas(4).x[1], 1);
	mock_hold(2);
	assert_int_equal(pas(4).x[0], SCM_WAITQ_SLEEP);
	/* With contend=each, session t's call leaves resource t % K held. */
	mock_smc(MOCK_CTL_FID(MOCK_CTL_RELEASE_ALL), 0, 0, 0);
	contend_each(1000);
	assert_int_equal(hdcp(5).x[0], 0);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1U << 1);
	assert_int_equal(hdcp(6).x[0], 0);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), (1U << 1) | (1U << 2));
	assert_int_equal(hdcp(9).x[0], SCM_WAITQ_SLEEP);
}

/* New keys in the scenario string, their defaults and bad values. */
static void test_bench_keys(void **state)
{
	struct scm_cfg c;

	(void)state;
	scm_cfg_defaults(&c);
	assert_int_equal(c.contend, MOCK_CONTEND_PERIODIC);
	assert_int_equal(c.hdcp_res, MOCK_HDCP_RES_SVC);
	assert_int_equal(scm_cfg_parse(&c, "contend=each hdcp_res=session", NULL, 0), 0);
	assert_int_equal(c.contend, MOCK_CONTEND_EACH);
	assert_int_equal(c.hdcp_res, MOCK_HDCP_RES_SESSION);
	assert_int_equal(scm_cfg_parse(&c, "contend=periodic hdcp_res=svc", NULL, 0), 0);
	assert_int_equal(c.contend, MOCK_CONTEND_PERIODIC);
	assert_int_equal(c.hdcp_res, MOCK_HDCP_RES_SVC);
	assert_int_equal(scm_cfg_parse(&c, "contend=2 hdcp_res=2 hdcp_res=17", NULL, 0), 3);
	assert_int_equal((int64_t)mock_smc(MOCK_CTL_FID(MOCK_CTL_SET), MOCK_KEY_CONTEND, 2, 0), -2);
	assert_int_equal((int64_t)mock_smc(MOCK_CTL_FID(MOCK_CTL_SET), MOCK_KEY_HDCP_RES, 2, 0), -2);
	assert_int_equal(mock_get(MOCK_KEY_CONTEND), MOCK_CONTEND_PERIODIC);
	assert_int_equal(mock_get(MOCK_KEY_HDCP_RES), MOCK_HDCP_RES_SVC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_sample_wake_to_resume, mock_model_setup),
		cmocka_unit_test_setup(test_sample_not_for_fault_wakes, mock_model_setup),
		cmocka_unit_test_setup(test_sample_reset, mock_model_setup),
		cmocka_unit_test_setup(test_sample_saturates_and_keeps_first, mock_model_setup),
		cmocka_unit_test_setup(test_sample_busy_retry, mock_model_setup),
		cmocka_unit_test_setup(test_sample_spin, mock_model_setup),
		cmocka_unit_test_setup(test_contend_each_caller_alone, mock_model_setup),
		cmocka_unit_test_setup(test_contend_each_wake_order, mock_model_setup),
		cmocka_unit_test_setup(test_contend_each_resources_apart, mock_model_setup),
		cmocka_unit_test_setup(test_contend_each_jitter, mock_model_setup),
		cmocka_unit_test_setup(test_contend_each_no_schedule_release_all, mock_model_setup),
		cmocka_unit_test_setup(test_contend_each_legacy, mock_model_setup),
		cmocka_unit_test_setup(test_hdcp_resource_by_session, mock_model_setup),
		cmocka_unit_test_setup(test_bench_keys, mock_model_setup),
	};

	return cmocka_run_group_tests_name("bench", tests, NULL, NULL);
}
