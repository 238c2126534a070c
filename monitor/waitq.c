// SPDX-License-Identifier: GPL-2.0
/*
 * waitq.c - the firmware resources, the wait-queue protocol and the
 * simulated second VM that contends for the resources.
 *
 *  1. State, lock, PRNG, fault decisions
 *  2. Resources: which call needs which, what happens when it is busy
 *  3. Parking, wake interrupt, GET_WQ_CTX, RESUME
 *  4. The contender (second VM), driven by contender_tick()
 *  5. INTERRUPTED answers and their reissue
 *
 * Model: K resources, resource r <-> wait-queue context r (wq_ctx = r).
 * A yielding BOOT/PIL/MP/HDCP call needs resource (svc % K). Linux's calls
 * complete inside one SMC, so only the contender (or a test's HOLD) keeps
 * a resource busy over time. Plain C, unit-tested on the host; hardware
 * (wake SPI, clock, timer) only through plat.h.
 */
#include "plat.h"
#include "scm.h"
#include "scm_model.h"

/* ---- 1. State, lock, PRNG, fault decisions --------------------------- */

/* Usable before scm_model_init(): the default firmware, token generation 1. */
struct scm_state scm_st = {
	.cfg = SCM_CFG_DEFAULT,
	.prng = 1,
	.token_gen = 1,
};
static uint32_t scm_lock_word;

void scm_lock(void)
{
	while (__atomic_exchange_n(&scm_lock_word, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&scm_lock_word, __ATOMIC_RELAXED))
			;
}

void scm_unlock(void)
{
	__atomic_store_n(&scm_lock_word, 0, __ATOMIC_RELEASE);
}

/**
 * scm_model_init() - forget everything and become the firmware @cfg says.
 * Counters included; the PRNG restarts from the seed.
 */
void scm_model_init(const struct scm_cfg *cfg)
{
	uint8_t *p = (uint8_t *)&scm_st;
	size_t i;

	for (i = 0; i < sizeof(scm_st); i++)
		p[i] = 0;
	/* Boot, or a host test starting over after an assertion left it taken. */
	__atomic_store_n(&scm_lock_word, 0, __ATOMIC_RELEASE);
	scm_st.cfg = *cfg;
	scm_st.prng = cfg->seed ? cfg->seed : 0x9e3779b97f4a7c15ULL;
	scm_st.token_gen = 1;
	plat_timer_set(0);
}

/* xorshift64: the contender's schedule and every random decision. */
uint64_t scm_prng(void)
{
	uint64_t x = scm_st.prng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	scm_st.prng = x;
	return x;
}

/**
 * scm_fault() - should @fault (one MOCK_FAULT_* bit) fire at this chance?
 *
 * Deterministic: an enabled fault fires on every fault_every-th chance of
 * its kind (1 = always), so a test knows exactly when it will happen.
 */
int scm_fault(uint32_t fault)
{
	unsigned int bit = (unsigned int)__builtin_ctz(fault);
	uint32_t every = scm_st.cfg.fault_every ? scm_st.cfg.fault_every : 1;

	if (!(scm_st.cfg.faults & fault))
		return 0;
	if (++scm_st.fault_chance[bit] % every)
		return 0;
	scm_st.cnt[MOCK_CNT_FAULTS]++;
	scm_trace("scm: fault 0x%x injected\n", (unsigned int)fault);
	return 1;
}

/* ---- 2. Resources ---------------------------------------------------- */

/* Yielding calls that take a firmware resource: BOOT, PIL, MP, HDCP. */
int scm_needs_resource(const struct scm_call *call)
{
	switch (call->svc) {
	case SCM_SVC_BOOT:
	case SCM_SVC_PIL:
	case SCM_SVC_MP:
	case SCM_SVC_HDCP:
		return 1;
	default:
		return 0;
	}
}

uint32_t scm_resource_of(const struct scm_call *call)
{
	return call->svc % scm_st.cfg.k;
}

static int res_busy(uint32_t r)
{
	return (scm_st.held >> r) & 1;
}

/* Spin mode gives up after this long, so a forgotten HOLD cannot hang a run. */
#define SCM_SPIN_LIMIT_US	10000000ULL

/*
 * Legacy firmware: wait at EL3 with interrupts masked. The contender's
 * timer FIQ cannot be taken here, so drive its schedule ourselves.
 */
static int scm_spin(uint32_t r)
{
	uint64_t start = plat_now_us(), now = start;
	int ret = 0;

	scm_st.cnt[MOCK_CNT_SPINS]++;
	scm_trace("scm: cpu%u spins on resource %u\n", plat_my_cpu_index(), (unsigned int)r);
	while (res_busy(r)) {
		if (now - start > SCM_SPIN_LIMIT_US) {
			ret = -1;
			break;
		}
		scm_unlock();
		plat_spin_relax();
		now = plat_now_us();
		scm_lock();
		plat_timer_set(contender_tick(now));
	}
	/* The time this CPU could take no interrupt. */
	scm_st.cnt[MOCK_CNT_SPIN_US] += now - start;
	if (now - start > scm_st.cnt[MOCK_CNT_SPIN_MAX_US])
		scm_st.cnt[MOCK_CNT_SPIN_MAX_US] = now - start;
	return ret;
}

/**
 * scm_resource_wait() - a call needing a resource, before it runs.
 *
 * Return: 0 when the call may run now; 1 when @res holds the answer
 * instead (SLEEP, busy, or a random-mode answer).
 */
int scm_resource_wait(struct scm_call *call, struct scm_result *res)
{
	uint32_t r = scm_resource_of(call);

	if (!call->fast && scm_st.cfg.faults & MOCK_FAULT_RANDOM &&
	    scm_fault(MOCK_FAULT_RANDOM)) {
		/* Only answers a correct caller must already cope with. */
		switch (scm_prng() % 3) {
		case 0:
			scm_result_set(res, SCM_EBUSY, 0, 0, 0);
			return 1;
		case 1:
			if (scm_st.cfg.mode == MOCK_MODE_WAITQ) {
				waitq_fast_sleep(call, res);
				return 1;
			}
			break;
		default:
			break;
		}
	}
	if (!res_busy(r))
		return 0;
	switch (scm_st.cfg.mode) {
	case MOCK_MODE_WAITQ:
		if (call->fast)
			break;
		waitq_park(call, r, res);
		return 1;
	case MOCK_MODE_SPIN:
		if (!scm_spin(r))
			return 0;
		break;
	default:
		break;
	}
	scm_result_set(res, SCM_EBUSY, 0, 0, 0);
	return 1;
}

/* ---- 3. Parking, wake interrupt, GET_WQ_CTX, RESUME ------------------ */

uint32_t waitq_parked_count(void)
{
	uint32_t i, n = 0;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		n += scm_st.slot[i].kind == SLOT_PARKED;
	return n;
}

static int ctx_has_parked(uint32_t c)
{
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		if (scm_st.slot[i].kind == SLOT_PARKED && scm_st.slot[i].wq_ctx == c)
			return 1;
	return 0;
}

static void raise_wake(void)
{
	if (scm_fault(MOCK_FAULT_DROP_WAKE))
		return;
	plat_raise_wake(scm_st.cfg.wake_intid);
	scm_st.cnt[MOCK_CNT_WAKES]++;
	if (scm_fault(MOCK_FAULT_DOUBLE_WAKE)) {
		plat_raise_wake(scm_st.cfg.wake_intid);
		scm_st.cnt[MOCK_CNT_WAKES]++;
	}
}

/*
 * Context @c may continue. The interrupt goes out only when @c was not
 * already signalled: the SPI is edge-triggered and Linux drains every
 * signalled context through more_pending, so one edge per new context is
 * enough and no GET_WQ_CTX ever finds nothing to report.
 */
static void waitq_signal(uint32_t c)
{
	if (scm_st.wakeable & (1U << c))
		return;
	scm_st.wakeable |= 1U << c;
	scm_trace("scm: wake ctx %u\n", (unsigned int)c);
	raise_wake();
}

static struct scm_slot *slot_alloc(uint32_t kind, const struct scm_call *call, uint32_t ctx)
{
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++) {
		struct scm_slot *s = &scm_st.slot[i];

		if (s->kind != SLOT_FREE)
			continue;
		s->kind = kind;
		s->wq_ctx = ctx;
		s->call = *call;
		/* Generation in bits 30:8 keeps a stale token from matching a reused slot. */
		s->token = ((uint64_t)(scm_st.token_gen++ & 0x7fffff) << 8) | i;
		if (!(scm_st.token_gen & 0x7fffff))
			scm_st.token_gen = 1;
		return s;
	}
	return NULL;
}

static struct scm_slot *slot_find(uint32_t kind, uint64_t token)
{
	struct scm_slot *s = &scm_st.slot[token & 0xff];

	if ((token & 0xff) >= SCM_PARK_SLOTS || s->kind != kind || s->token != token)
		return NULL;
	return s;
}

static void sleep_answer(const struct scm_slot *s, struct scm_result *res)
{
	uint64_t token = s->token;

	if (scm_fault(MOCK_FAULT_BAD_TOKEN))
		token ^= 0x40000000;	/* RESUME will not know it */
	scm_result_set(res, SCM_WAITQ_SLEEP, s->wq_ctx, token, 0);
}

/**
 * waitq_park() - keep @call until context @ctx is woken; answer SLEEP.
 *
 * Return: 0 parked, -1 table full (answered -12 busy).
 */
int waitq_park(const struct scm_call *call, uint32_t ctx, struct scm_result *res)
{
	struct scm_slot *s = slot_alloc(SLOT_PARKED, call, ctx);

	if (!s) {
		scm_result_set(res, SCM_EBUSY, 0, 0, 0);
		return -1;
	}
	scm_st.cnt[MOCK_CNT_PARKED] = waitq_parked_count();
	scm_trace("scm: park fid 0x%x on ctx %u as 0x%llx\n", (unsigned int)call->fid,
		  (unsigned int)ctx, (unsigned long long)s->token);
	sleep_answer(s, res);
	return 0;
}

/* SLEEP for no good reason (fast-sleep, random): parked and woken at once. */
void waitq_fast_sleep(const struct scm_call *call, struct scm_result *res)
{
	uint32_t ctx = scm_resource_of(call);

	if (!waitq_park(call, ctx, res))
		waitq_signal(ctx);
}

/**
 * waitq_get_wq_ctx() - GET_WQ_CTX: which context to wake.
 *
 * x0 = 0, x1 = lowest signalled context (now cleared), x2 = WAKE_ONE or
 * WAKE_ALL, x3 = 1 if more contexts are signalled. Nothing signalled:
 * x0 = -1 (SCM_ERROR), x1..x3 = 0.
 */
void waitq_get_wq_ctx(struct scm_result *res)
{
	uint32_t flags = scm_st.cfg.wake_all ? SCM_WAITQ_FLAG_WAKE_ALL : SCM_WAITQ_FLAG_WAKE_ONE;
	uint32_t c;

	scm_st.cnt[MOCK_CNT_GET_WQ_CTX]++;
	if (scm_fault(MOCK_FAULT_WQ_ERROR)) {
		scm_result_set(res, SCM_ERROR, 0, 0, 0);
		return;
	}
	if (scm_fault(MOCK_FAULT_WQ_UNKNOWN)) {
		/* Leaves the real contexts signalled: x3 = 1 sends Linux back. */
		scm_result_set(res, SCM_SUCCESS, scm_st.cfg.k + 7, flags, 1);
		return;
	}
	if (!scm_st.wakeable) {
		if (scm_fault(MOCK_FAULT_STICKY_MORE))
			scm_result_set(res, SCM_SUCCESS, 0, flags, 1);
		else
			scm_result_set(res, SCM_ERROR, 0, 0, 0);
		return;
	}
	c = (uint32_t)__builtin_ctz(scm_st.wakeable);
	scm_st.wakeable &= ~(1U << c);
	if (scm_fault(MOCK_FAULT_WQ_BADFLAGS))
		flags = 0xc;	/* neither WAKE_ONE nor WAKE_ALL */
	scm_result_set(res, SCM_SUCCESS, c, flags,
		scm_st.wakeable != 0 || scm_fault(MOCK_FAULT_STICKY_MORE));
}

/**
 * waitq_resume() - RESUME(smc_call_ctx): continue a parked call.
 *
 * Its real result; SLEEP again (same token) if the resource was taken
 * again; -12 from the resume-busy fault (the call is dropped: Linux
 * retries the original). Unknown token: -2, nothing changes.
 */
void waitq_resume(uint64_t token, struct scm_result *res)
{
	struct scm_slot *s = slot_find(SLOT_PARKED, token);
	struct scm_call call;
	uint32_t c;

	if (!s) {
		scm_st.cnt[MOCK_CNT_RESUME_BAD]++;
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	c = s->wq_ctx;
	if (scm_fault(MOCK_FAULT_RESUME_BUSY)) {
		s->kind = SLOT_FREE;
		scm_st.cnt[MOCK_CNT_PARKED] = waitq_parked_count();
		scm_result_set(res, SCM_EBUSY, 0, 0, 0);
		return;
	}
	if (res_busy(c) || scm_fault(MOCK_FAULT_RESUME_SLEEP)) {
		if (!res_busy(c))
			waitq_signal(c);	/* no reason to sleep: wake it again */
		sleep_answer(s, res);
		return;
	}
	call = s->call;
	s->kind = SLOT_FREE;
	scm_st.cnt[MOCK_CNT_PARKED] = waitq_parked_count();
	scm_execute(&call, res);
	/* WAKE_ONE: the next sleeper on this context may go now too. */
	if (!scm_st.cfg.wake_all && ctx_has_parked(c))
		waitq_signal(c);
}

void waitq_hold(uint32_t r)
{
	scm_st.held |= 1U << r;
}

/* Resource @r is free again: wake its sleepers, if any. */
void waitq_release(uint32_t r)
{
	if (!res_busy(r))
		return;
	scm_st.held &= ~(1U << r);
	if (ctx_has_parked(r)) {
		waitq_signal(r);
	} else if (scm_fault(MOCK_FAULT_SPURIOUS_WAKE)) {
		plat_raise_wake(scm_st.cfg.wake_intid);
		scm_st.cnt[MOCK_CNT_WAKES]++;
	}
}

void waitq_release_all(void)
{
	uint32_t r;

	scm_st.contender_holding = 0;
	for (r = 0; r < SCM_MAX_K; r++)
		waitq_release(r);
}

/* ---- 4. The contender ------------------------------------------------ */

/**
 * contender_tick() - advance the second VM's schedule to @now_us.
 *
 * Every period_us (+/- up to jitter_us, from the seed) it takes a resource
 * chosen by the PRNG and keeps it hold_us. period_us = 0: it is off.
 *
 * Return: when it next wants to run (us), 0 for never.
 */
uint64_t contender_tick(uint64_t now_us)
{
	const struct scm_cfg *cfg = &scm_st.cfg;

	if (scm_st.contender_holding && now_us >= scm_st.contender_until) {
		scm_st.contender_holding = 0;
		scm_trace("scm: contender releases %u\n", (unsigned int)scm_st.contender_res);
		waitq_release(scm_st.contender_res);
	}
	if (!cfg->period_us)
		return scm_st.contender_holding ? scm_st.contender_until : 0;
	if (!scm_st.contender_holding && now_us >= scm_st.contender_next) {
		uint64_t period = cfg->period_us;
		uint32_t r = (uint32_t)(scm_prng() % cfg->k);

		if (cfg->jitter_us) {
			uint64_t j = scm_prng() % (2ULL * cfg->jitter_us + 1);

			period = period + j > cfg->jitter_us ? period + j - cfg->jitter_us : 1;
		}
		scm_st.contender_next = now_us + period;
		if (!res_busy(r)) {
			waitq_hold(r);
			scm_st.contender_res = r;
			scm_st.contender_holding = 1;
			scm_st.contender_until = now_us + cfg->hold_us;
			scm_st.cnt[MOCK_CNT_TAKES]++;
			scm_trace("scm: contender takes %u\n", (unsigned int)r);
		}
	}
	if (scm_st.contender_holding && scm_st.contender_until < scm_st.contender_next)
		return scm_st.contender_until;
	return scm_st.contender_next;
}

/* ---- 5. INTERRUPTED -------------------------------------------------- */

/**
 * scm_interrupt_maybe() - answer x0 = 1 with a resume token in x6 instead
 * of running @call, at random (interrupt_random=1, 1 in 4) or as the
 * "interrupt" fault. The call has not run: the reissue runs it once.
 */
int scm_interrupt_maybe(const struct scm_call *call, struct scm_result *res)
{
	struct scm_slot *s;

	if (!(scm_st.cfg.irq_random && scm_prng() % 4 == 0) &&
	    !scm_fault(MOCK_FAULT_INTERRUPT))
		return 0;
	s = slot_alloc(SLOT_INTERRUPTED, call, 0);
	if (!s)
		return 0;
	scm_result_set(res, SCM_INTERRUPTED, 0, 0, 0);
	res->x6 = s->token;
	res->set_x6 = 1;
	return 1;
}

/*
 * Linux reissues with x0 = 1, the same x1..x5 and x6 = token. Anything
 * else about it is a caller bug: -2, and the interrupted call is kept.
 */
void scm_interrupted_resume(struct smc_ctx *ctx)
{
	struct scm_slot *s = slot_find(SLOT_INTERRUPTED, ctx->x[6]);
	struct scm_call call;
	unsigned int i;

	if (!s) {
		smc_ret1(ctx, SCM_EINVAL_ARG);
		return;
	}
	for (i = 1; i < 6; i++)
		if (s->call.raw[i] != ctx->x[i]) {
			smc_ret1(ctx, SCM_EINVAL_ARG);
			return;
		}
	call = s->call;
	s->kind = SLOT_FREE;
	scm_trace("scm: reissue of fid 0x%x\n", (unsigned int)call.fid);
	scm_run_reissued(&call, ctx);
}
