// SPDX-License-Identifier: GPL-2.0
/*
 * waitq.c - the wait-queue model: firmware resources, the calls parked on
 * them, wait-queue contexts, wakes, GET_WQ_CTX and RESUME.
 *
 *  1. State and small helpers
 *  2. Contexts and parking
 *  3. Serving a resource: who goes next, in the order parked
 *  4. The normal world's calls: enter, SLEEP now, RESUME, GET_WQ_CTX
 *  5. The second VM's calls and holds
 *  6. The clock: holds that end, woken calls that are abandoned
 *
 * Resources: K of them (the scenario's k); a BOOT/PIL/MP/HDCP call needs
 * resource svc % K (hdcp_res=session: an HDCP call needs its session's,
 * the top byte of its first value argument, % K). Only the second VM (its
 * simulated calls, or a test's HOLD) keeps a resource over time: a
 * normal-world call that may run runs to completion inside its SMC. With
 * contend=each the second VM takes a resource right after every
 * normal-world call that ran on it, and a resumed call's resource is
 * served at that hold's release, not when the call leaves the model.
 *
 * Contexts: wq_model=call (default, Qualcomm's published multi-waitqueue
 * semantics): a call that must wait gets a context of its own, K of them
 * in all, shared by both VMs; no free context answers -12. wq_model=
 * resource: context r is resource r, and any number of calls share it.
 *
 * The protocol is enforced, not just served: a call may RESUME only after
 * firmware woke it (one RESUME per WAKE_ONE), each release of a resource
 * wakes its waiters in the order they parked, and a woken call nobody
 * resumes is abandoned after abandon_us. A call that finds its resource
 * free runs (as on a real lock, a woken sleeper may find it taken again).
 *
 * Wake-to-resume samples (model.h): a wake at a release marks the woken
 * call and its next RESUME takes the sample; busy firmware marks a release
 * that callers were answered -12 for and the next call needing it takes
 * it; a spinning call (scm.c) ends its spin at the resource's last release.
 *
 * The calling convention (scm.c) calls in here; this file calls nothing of
 * the convention's. Hardware (wake SPI, clock) only through plat.h;
 * unit-tested on the host.
 */
#include "model.h"
#include "plat.h"
#include "scm.h"
#include "waitq.h"

/* smc_call_ctx = generation << 8 | slot: < 2^31, never 0, never reused soon. */
#define WQ_TOKEN_SLOT_BITS	8
#define WQ_TOKEN_SLOT_MASK	((1U << WQ_TOKEN_SLOT_BITS) - 1)
#define WQ_TOKEN_GEN_MASK	0x7fffffU
#define WQ_BAD_TOKEN_FLIP	0x40000000ULL	/* fault bad-token: a token RESUME refuses */
#define WQ_BAD_FLAGS		0xcU		/* fault wq-badflags: neither ONE nor ALL */
#define WQ_UNKNOWN_CTX_OFFSET	7		/* fault wq-unknown: K + 7 */

_Static_assert(SCM_PARK_SLOTS <= (1U << WQ_TOKEN_SLOT_BITS), "slot index must fit the token");
_Static_assert(SCM_MAX_K <= 32, "resource and context masks are 32 bits");

/* ---- 1. State -------------------------------------------------------- */

enum wq_owner { OWNER_NS, OWNER_VM2 };

struct wq_slot {
	uint8_t parked;		/* in use */
	uint8_t owner;		/* enum wq_owner */
	uint8_t granted;	/* woken: one RESUME may run it */
	uint8_t released;	/* a fetched WAKE_ALL of its context lets it RESUME */
	uint8_t needs_res;	/* waits for resource @res (fault SLEEPs may not) */
	uint32_t res;
	uint32_t ctx;		/* wq_ctx it sleeps on */
	uint32_t seq;		/* park order */
	uint64_t token;
	uint64_t granted_at;	/* plat_now_us() of its wake */
	uint64_t hold_us;	/* OWNER_VM2: how long it keeps the resource */
	struct sample_mark woken;	/* OWNER_NS: its wake at a release, for its RESUME */
	struct scm_call call;	/* OWNER_NS: what RESUME runs */
};

static struct {
	struct wq_slot slot[SCM_PARK_SLOTS];
	uint32_t held;			/* bit r: resource r held */
	uint32_t vm2_holds;		/* bit r: held by a second-VM call ... */
	uint64_t vm2_until[SCM_MAX_K];	/* ... until then */
	uint32_t pending;		/* bit c: woken, not yet fetched by GET_WQ_CTX */
	uint32_t pending_flags[SCM_MAX_K];
	/*
	 * Wakes of context c not yet fetched (WAKE_ONE: one per woken call;
	 * WAKE_ALL: one covers them all), and fetched wakes not yet used by
	 * a RESUME: a shared context (wq_model=resource) may have several.
	 */
	uint32_t unfetched_n[SCM_MAX_K];
	uint32_t fetched_n[SCM_MAX_K];
	uint64_t all_fetched_at[SCM_MAX_K];	/* + 1: latest WAKE_ALL fetch, 0 none */
	uint32_t ctx_used;		/* wq_model=call: bit c belongs to a parked call */
	uint64_t released_at[SCM_MAX_K];	/* plat_ticks() of r's last release */
	uint32_t busy_answered;		/* bit r: a call got -12 for r since it was taken */
	struct sample_mark busy_release[SCM_MAX_K];	/* ... and then r was released */
	uint32_t token_gen;
	uint32_t seq;
} wq = { .token_gen = 1 };

static uint32_t bit(uint32_t i)
{
	return 1U << i;
}

static int per_call_contexts(void)
{
	return scenario()->wq_model == MOCK_WQ_MODEL_CALL;
}

void waitq_reset(void)
{
	static const struct wq_slot free_slot;
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		wq.slot[i] = free_slot;
	for (i = 0; i < SCM_MAX_K; i++) {
		wq.vm2_until[i] = 0;
		wq.pending_flags[i] = 0;
		wq.unfetched_n[i] = wq.fetched_n[i] = 0;
		wq.all_fetched_at[i] = 0;
		wq.released_at[i] = 0;
		wq.busy_release[i].set = 0;
	}
	wq.held = wq.vm2_holds = wq.pending = wq.ctx_used = wq.busy_answered = 0;
	wq.token_gen = 1;
	wq.seq = 0;
}

/* HDCP/INVOKE's first value argument (req[0].val): its top byte is the session. */
#define WQ_HDCP_SESSION_ARG	1
#define WQ_HDCP_SESSION_SHIFT	24

uint32_t waitq_resource_of(const struct scm_call *call)
{
	const struct scm_cfg *cfg = scenario();

	if (call->svc == SCM_SVC_HDCP && cfg->hdcp_res == MOCK_HDCP_RES_SESSION)
		return (uint32_t)((call->args[WQ_HDCP_SESSION_ARG] >> WQ_HDCP_SESSION_SHIFT) %
				  cfg->k);
	return call->svc % cfg->k;
}

/* contend=each: the second VM takes a resource after each call that ran on it. */
static int vm2_takes_after_each(void)
{
	return scenario()->contend == MOCK_CONTEND_EACH;
}

int waitq_held(uint32_t r)
{
	return r < SCM_MAX_K && (wq.held & bit(r));
}

uint32_t waitq_held_mask(void)
{
	return wq.held;
}

static unsigned int slots_in_use(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		n += wq.slot[i].parked;
	return n;
}

uint32_t waitq_parked_count(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		n += wq.slot[i].parked && wq.slot[i].owner == OWNER_NS;
	return n;
}

int waitq_in_use(void)
{
	return slots_in_use() || wq.held;
}

/* A parked call waiting for resource @r, woken or not. */
static int waits_for(const struct wq_slot *s, uint32_t r)
{
	return s->parked && s->needs_res && s->res == r;
}

static int has_waiters(uint32_t r)
{
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		if (waits_for(&wq.slot[i], r))
			return 1;
	return 0;
}

/* The first-parked call on @r not yet woken. */
static struct wq_slot *next_waiter(uint32_t r)
{
	struct wq_slot *best = NULL;
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++) {
		struct wq_slot *s = &wq.slot[i];

		if (waits_for(s, r) && !s->granted && (!best || s->seq < best->seq))
			best = s;
	}
	return best;
}

/* The first-parked woken normal-world call on context @c. */
static struct wq_slot *first_woken_on_ctx(uint32_t c)
{
	struct wq_slot *best = NULL;
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++) {
		struct wq_slot *s = &wq.slot[i];

		if (s->parked && s->owner == OWNER_NS && s->ctx == c && s->granted &&
		    (!best || s->seq < best->seq))
			best = s;
	}
	return best;
}

/* ---- 2. Contexts and parking ----------------------------------------- */

static void raise_wake(void)
{
	if (model_fault(MOCK_FAULT_DROP_WAKE))
		return;
	plat_raise_wake(scenario()->wake_intid);
	cnt_inc(MOCK_CNT_WAKES);
	if (model_fault(MOCK_FAULT_DOUBLE_WAKE)) {
		plat_raise_wake(scenario()->wake_intid);
		cnt_inc(MOCK_CNT_WAKES);
	}
}

/* A WAKE_ALL of context @c fetched: each of its normal-world calls may RESUME. */
static void release_ctx(uint32_t c)
{
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++) {
		struct wq_slot *s = &wq.slot[i];

		if (s->parked && s->owner == OWNER_NS && s->ctx == c)
			s->released = 1;
	}
}

/* Woken normal-world calls on context @c that no RESUME has used yet. */
static uint32_t woken_on_ctx(uint32_t c)
{
	uint32_t n = 0;
	unsigned int i;

	for (i = 0; i < SCM_PARK_SLOTS; i++) {
		const struct wq_slot *s = &wq.slot[i];

		n += s->parked && s->owner == OWNER_NS && s->ctx == c && s->granted;
	}
	return n;
}

/*
 * Context @c has a call that may go on. With WAKE_ONE every woken call is
 * a wake of its own, reported by its own GET_WQ_CTX answer, also when its
 * context is shared and already pending (wq_model=resource): a kernel
 * resumes one call per WAKE_ONE. A WAKE_ALL covers every woken call of the
 * context until it is fetched. The interrupt goes out only when @c was not
 * already pending: the SPI is edge-triggered and Linux drains every pending
 * wake through more_pending, so one edge per newly pending context is
 * enough and no GET_WQ_CTX ever finds nothing to report.
 */
static void signal_ctx(uint32_t c)
{
	if (wq.pending & bit(c)) {
		if (!scenario()->wake_all)
			wq.unfetched_n[c]++;
		return;
	}
	wq.pending |= bit(c);
	wq.unfetched_n[c] = 1;
	wq.pending_flags[c] = scenario()->wake_all ? SCM_WAITQ_FLAG_WAKE_ALL :
						     SCM_WAITQ_FLAG_WAKE_ONE;
	scm_trace("scm: wake ctx %u\n", (unsigned int)c);
	raise_wake();
}

/* Wake @s: one RESUME may now run it. The second VM is never woken this way. */
static void grant(struct wq_slot *s, uint64_t now_us)
{
	s->granted = 1;
	s->granted_at = now_us;
	signal_ctx(s->ctx);
}

static int ctx_alloc(uint32_t r, uint32_t *ctx)
{
	uint32_t c;

	if (!per_call_contexts()) {
		*ctx = r;
		return 0;
	}
	for (c = 0; c < scenario()->k; c++)
		if (!(wq.ctx_used & bit(c))) {
			wq.ctx_used |= bit(c);
			*ctx = c;
			return 0;
		}
	return -1;
}

/*
 * Context @c lost a woken call (it ran, was dropped or abandoned): wakes
 * beyond its woken calls are forgotten, fetched ones first.
 */
static void settle_ctx(uint32_t c)
{
	uint32_t woken = woken_on_ctx(c);

	if (wq.fetched_n[c] > woken)
		wq.fetched_n[c] = woken;
	if (wq.unfetched_n[c] > woken - wq.fetched_n[c])
		wq.unfetched_n[c] = woken - wq.fetched_n[c];
	if (!wq.unfetched_n[c])
		wq.pending &= ~bit(c);
}

/* A context of its own dies with its call, and so do its wakes. */
static void slot_free(struct wq_slot *s)
{
	if (per_call_contexts())
		wq.ctx_used &= ~bit(s->ctx);
	s->parked = 0;
	s->granted = 0;
	settle_ctx(s->ctx);
}

enum park_error { PARK_OK, PARK_NO_SLOT, PARK_NO_CTX };

static enum park_error park(enum wq_owner owner, const struct scm_call *call, uint32_t r,
			    int needs_res, uint64_t hold_us, struct wq_slot **out)
{
	static const struct scm_call no_call;
	struct wq_slot *s = NULL;
	unsigned int i;
	uint32_t c;

	for (i = 0; i < SCM_PARK_SLOTS && !s; i++)
		if (!wq.slot[i].parked)
			s = &wq.slot[i];
	if (!s)
		return PARK_NO_SLOT;
	if (ctx_alloc(r, &c))
		return PARK_NO_CTX;
	s->parked = 1;
	s->owner = (uint8_t)owner;
	s->granted = 0;
	s->released = 0;
	s->needs_res = (uint8_t)needs_res;
	s->res = r;
	s->ctx = c;
	s->seq = wq.seq++;
	s->granted_at = 0;
	s->woken.set = 0;
	s->hold_us = hold_us;
	s->call = call ? *call : no_call;
	s->token = ((uint64_t)(wq.token_gen & WQ_TOKEN_GEN_MASK) << WQ_TOKEN_SLOT_BITS) |
		   (uint64_t)(s - wq.slot);
	if (!(++wq.token_gen & WQ_TOKEN_GEN_MASK))
		wq.token_gen = 1;
	cnt_max(MOCK_CNT_PARKED_PEAK, slots_in_use());
	*out = s;
	return PARK_OK;
}

/* Bounds first: any 64-bit value may arrive as a token. */
static struct wq_slot *slot_find(uint64_t token)
{
	uint64_t i = token & WQ_TOKEN_SLOT_MASK;
	struct wq_slot *s;

	if (i >= SCM_PARK_SLOTS)
		return NULL;
	s = &wq.slot[i];
	if (!s->parked || s->owner != OWNER_NS || s->token != token)
		return NULL;
	return s;
}

/*
 * A WAKE_ALL fetched just before a SLEEP answer may reach the kernel after
 * that answer (also one answered to a RESUME that the wake crossed), and
 * then releases the call too: the kernel cannot tell the two orders apart.
 * Its next RESUME may come without a wake of its own.
 */
#define WQ_ALL_CROSSING_US	200000

static void sleep_answer(struct wq_slot *s, struct scm_result *res)
{
	uint64_t token = s->token, at = wq.all_fetched_at[s->ctx];

	if (model_fault(MOCK_FAULT_BAD_TOKEN))
		token ^= WQ_BAD_TOKEN_FLIP;	/* RESUME will not know it */
	if (s->owner == OWNER_NS && at && plat_now_us() + 1 - at <= WQ_ALL_CROSSING_US)
		s->released = 1;
	scm_result_set(res, SCM_WAITQ_SLEEP, s->ctx, token, 0);
}

/* ---- 3. Serving a resource ------------------------------------------- */

static void hold_for_vm2(uint32_t r, uint64_t hold_us, uint64_t now_us)
{
	wq.held |= bit(r);
	wq.vm2_holds |= bit(r);
	wq.vm2_until[r] = now_us + hold_us;
	cnt_inc(MOCK_CNT_TAKES);
	scm_trace("scm: second VM takes %u\n", (unsigned int)r);
}

/*
 * Resource @r became free: a release, or a woken call that ran or went
 * away. Its waiters not yet woken are served in the order they parked.
 * WAKE_ONE wakes the first; WAKE_ALL every normal-world call up to the
 * first of the second VM's. A second-VM call first in line takes the
 * resource at once. Every release wakes anew, so a woken call that is
 * never resumed holds up nobody behind it.
 */
static void serve(uint32_t r, uint64_t now_us)
{
	int woke = 0;

	if (waitq_held(r))
		return;
	for (;;) {
		struct wq_slot *s = next_waiter(r);

		if (!s)
			return;
		if (s->owner == OWNER_VM2) {
			if (!woke) {
				hold_for_vm2(r, s->hold_us, now_us);
				slot_free(s);
			}
			return;
		}
		grant(s, now_us);
		sample_mark_set(&s->woken, plat_ticks());
		woke = 1;
		if (!scenario()->wake_all)
			return;
	}
}

/* ---- 4. The normal world's calls ------------------------------------- */

static enum waitq_verdict park_refused(enum park_error err, struct scm_result *res)
{
	if (err == PARK_NO_CTX)
		cnt_inc(MOCK_CNT_NO_CTX);
	scm_result_set(res, SCM_EBUSY, 0, 0, 0);
	return WAITQ_ANSWERED;
}

/**
 * waitq_enter() - a normal-world call needing resource @r, before it runs.
 *
 * It runs now if @r is free. Otherwise a fast call gets -12 (it must not
 * wait) and a yielding one is parked: SLEEP with its context and token, or
 * -12 when no slot or (wq_model=call) no context is free.
 */
enum waitq_verdict waitq_enter(const struct scm_call *call, uint32_t r, struct scm_result *res)
{
	struct wq_slot *s;
	enum park_error err;

	if (!waitq_held(r))
		return WAITQ_RUN;
	if (call->fast) {
		scm_result_set(res, SCM_EBUSY, 0, 0, 0);
		return WAITQ_ANSWERED;
	}
	err = park(OWNER_NS, call, r, 1, 0, &s);
	if (err)
		return park_refused(err, res);
	scm_trace("scm: park fid 0x%x on ctx %u as 0x%llx\n", (unsigned int)call->fid,
		  (unsigned int)s->ctx, (unsigned long long)s->token);
	sleep_answer(s, res);
	return WAITQ_ANSWERED;
}

enum waitq_verdict waitq_sleep_now(const struct scm_call *call, uint32_t r, int needs_res,
				   struct scm_result *res)
{
	struct wq_slot *s;
	enum park_error err = park(OWNER_NS, call, r, needs_res, 0, &s);

	if (err)
		return park_refused(err, res);
	sleep_answer(s, res);
	grant(s, plat_now_us());
	return WAITQ_ANSWERED;
}

/**
 * waitq_resume() - RESUME(smc_call_ctx).
 *
 * Unknown token: -2, nothing changes. A call firmware has not woken: SLEEP
 * again, counted premature (wq_model=resource: a woken call's WAKE_ONE on
 * the same context may be used instead, counted overtaken). A woken call
 * whose wake GET_WQ_CTX never fetched is counted unfetched and goes on.
 * Its resource taken again: SLEEP again until the next wake. Otherwise the
 * call leaves the model and is handed back in @call to run; with
 * contend=each its resource is not served now: the second VM takes it
 * once the call has run (contender_ran()), and its release serves it.
 *
 * The first RESUME after a wake at a release, arriving at @at
 * (plat_ticks()), takes a waitq sample whatever it answers.
 */
enum waitq_verdict waitq_resume(uint64_t token, uint64_t at, struct scm_call *call,
				struct scm_result *res)
{
	struct wq_slot *s = slot_find(token), *w;
	uint64_t now = plat_now_us();
	uint32_t r;
	int needs_res, covered;

	if (!s) {
		cnt_inc(MOCK_CNT_RESUME_BAD);
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return WAITQ_ANSWERED;
	}
	r = s->res;
	needs_res = s->needs_res;
	sample_mark_take(&s->woken, MOCK_SAMPLE_WAITQ, at);
	if (model_fault(MOCK_FAULT_RESUME_BUSY)) {
		/* The parked call is dropped: Linux retries the original. */
		slot_free(s);
		if (needs_res)
			serve(r, now);
		scm_result_set(res, SCM_EBUSY, 0, 0, 0);
		return WAITQ_ANSWERED;
	}
	covered = s->released;
	s->released = 0;
	if (!s->granted) {
		w = per_call_contexts() ? NULL : first_woken_on_ctx(s->ctx);
		if (!w) {
			/* Released by a WAKE_ALL but not woken: it just sleeps again. */
			if (!covered) {
				cnt_inc(MOCK_CNT_PREMATURE);
				scm_trace("scm: premature RESUME of 0x%llx\n",
					  (unsigned long long)token);
			}
			sleep_answer(s, res);
			return WAITQ_ANSWERED;
		}
		/* The wake is the context's: a later sleeper took it, and its sample. */
		w->granted = 0;
		s->granted = 1;
		s->granted_at = w->granted_at;
		s->woken = w->woken;
		w->woken.set = 0;
		sample_mark_take(&s->woken, MOCK_SAMPLE_WAITQ, at);
		cnt_inc(MOCK_CNT_OVERTAKEN);
	}
	/*
	 * One wake, one RESUME: a fetched WAKE_ALL, else a fetched WAKE_ONE,
	 * else one still pending (a WAKE_ALL stays for the others).
	 */
	if (!covered && wq.fetched_n[s->ctx]) {
		wq.fetched_n[s->ctx]--;
	} else if (!covered && (wq.pending & bit(s->ctx))) {
		cnt_inc(MOCK_CNT_UNFETCHED);
		if (wq.pending_flags[s->ctx] != SCM_WAITQ_FLAG_WAKE_ALL &&
		    !--wq.unfetched_n[s->ctx])
			wq.pending &= ~bit(s->ctx);
	}
	s->granted = 0;
	if (needs_res && waitq_held(r)) {
		sleep_answer(s, res);
		return WAITQ_ANSWERED;
	}
	if (model_fault(MOCK_FAULT_RESUME_SLEEP)) {
		grant(s, now);		/* no reason to sleep: woken again */
		sleep_answer(s, res);
		return WAITQ_ANSWERED;
	}
	*call = s->call;
	slot_free(s);
	if (needs_res && !vm2_takes_after_each())
		serve(r, now);
	return WAITQ_RUN;
}

/**
 * waitq_get_wq_ctx() - GET_WQ_CTX: which context to wake.
 *
 * x0 = 0, x1 = lowest pending context (now fetched), x2 = WAKE_ONE or
 * WAKE_ALL, x3 = 1 if more contexts are pending. Nothing pending: x0 = -1,
 * x1..x3 = 0.
 */
void waitq_get_wq_ctx(struct scm_result *res)
{
	uint32_t flags = scenario()->wake_all ? SCM_WAITQ_FLAG_WAKE_ALL : SCM_WAITQ_FLAG_WAKE_ONE;
	uint32_t c;

	cnt_inc(MOCK_CNT_GET_WQ_CTX);
	if (model_fault(MOCK_FAULT_WQ_ERROR)) {
		scm_result_set(res, SCM_ERROR, 0, 0, 0);
		return;
	}
	if (model_fault(MOCK_FAULT_WQ_UNKNOWN)) {
		/* Leaves the real contexts pending: x3 = 1 sends Linux back. */
		scm_result_set(res, SCM_SUCCESS, scenario()->k + WQ_UNKNOWN_CTX_OFFSET, flags, 1);
		return;
	}
	if (!wq.pending) {
		if (model_fault(MOCK_FAULT_STICKY_MORE))
			scm_result_set(res, SCM_SUCCESS, 0, flags, 1);
		else
			scm_result_set(res, SCM_ERROR, 0, 0, 0);
		return;
	}
	c = (uint32_t)__builtin_ctz(wq.pending);
	flags = wq.pending_flags[c];
	if (flags == SCM_WAITQ_FLAG_WAKE_ALL) {
		wq.all_fetched_at[c] = plat_now_us() + 1;
		release_ctx(c);
		wq.unfetched_n[c] = 0;
	} else {
		wq.fetched_n[c]++;
		wq.unfetched_n[c]--;
	}
	if (!wq.unfetched_n[c])
		wq.pending &= ~bit(c);
	if (model_fault(MOCK_FAULT_WQ_BADFLAGS))
		flags = WQ_BAD_FLAGS;
	scm_result_set(res, SCM_SUCCESS, c, flags,
		       wq.pending != 0 || model_fault(MOCK_FAULT_STICKY_MORE));
}

/* ---- 5. The second VM ------------------------------------------------- */

/**
 * waitq_vm2_call() - the second VM makes a call needing resource @r.
 *
 * Free: it takes @r for @hold_us. Held: in wait-queue mode its call parks
 * like the normal world's (a context of its own with wq_model=call) and
 * takes @r when its turn comes; without a slot or context, or in a legacy
 * mode, the call is dropped.
 */
void waitq_vm2_call(uint32_t r, uint64_t hold_us, uint64_t now_us)
{
	struct wq_slot *s;

	if (r >= scenario()->k)
		return;
	if (!waitq_held(r)) {
		hold_for_vm2(r, hold_us, now_us);
		return;
	}
	if (scenario_mode() != MOCK_MODE_WAITQ || park(OWNER_VM2, NULL, r, 1, hold_us, &s)) {
		cnt_inc(MOCK_CNT_VM2_BUSY);
		return;
	}
	cnt_inc(MOCK_CNT_VM2_PARKS);
	scm_trace("scm: second VM parks on %u (ctx %u)\n", (unsigned int)r, (unsigned int)s->ctx);
}

/**
 * waitq_busy_enter() - mode=busy: a normal-world call needing @r arrived
 * at @at (plat_ticks()).
 *
 * The first call needing @r after a release that callers had been
 * answered -12 for takes a busy sample (Linux 6.1 sleeps 30 ms and
 * retries; this is how late the retry came).
 *
 * Return: 1 when @r is held (the call is answered -12), 0 when it may run.
 */
int waitq_busy_enter(uint32_t r, uint64_t at)
{
	sample_mark_take(&wq.busy_release[r], MOCK_SAMPLE_BUSY, at);
	if (!waitq_held(r))
		return 0;
	wq.busy_answered |= bit(r);
	return 1;
}

uint64_t waitq_released_at(uint32_t r)
{
	return r < SCM_MAX_K ? wq.released_at[r] : 0;
}

void waitq_hold(uint32_t r)
{
	wq.held |= bit(r);
	wq.vm2_holds &= ~bit(r);	/* by hand: until RELEASE */
}

/* Resource @r is free again: its waiters are served. */
void waitq_release(uint32_t r)
{
	if (!waitq_held(r))
		return;
	wq.held &= ~bit(r);
	wq.vm2_holds &= ~bit(r);
	wq.released_at[r] = plat_ticks();
	if (wq.busy_answered & bit(r)) {
		wq.busy_answered &= ~bit(r);
		sample_mark_set(&wq.busy_release[r], wq.released_at[r]);
	}
	if (has_waiters(r)) {
		serve(r, plat_now_us());
	} else if (model_fault(MOCK_FAULT_SPURIOUS_WAKE)) {
		plat_raise_wake(scenario()->wake_intid);
		cnt_inc(MOCK_CNT_WAKES);
	}
}

void waitq_release_all(void)
{
	unsigned int i;
	uint32_t r;

	for (i = 0; i < SCM_PARK_SLOTS; i++)
		if (wq.slot[i].parked && wq.slot[i].owner == OWNER_VM2)
			slot_free(&wq.slot[i]);
	for (r = 0; r < SCM_MAX_K; r++)
		waitq_release(r);
}

/* ---- 6. The clock ----------------------------------------------------- */

static uint64_t earlier(uint64_t a, uint64_t b)
{
	return !a || (b && b < a) ? b : a;
}

/**
 * waitq_tick() - the model at @now_us: second-VM holds that are over end
 * (their resource is served), and woken normal-world calls not resumed
 * within abandon_us are abandoned: counted, their slot and context freed,
 * never again a sleeper.
 *
 * Return: the next time something here is due, 0 for never.
 */
uint64_t waitq_tick(uint64_t now_us)
{
	uint64_t abandon = scenario()->abandon_us, next = 0;
	unsigned int i;
	uint32_t r;

	for (r = 0; r < SCM_MAX_K; r++)
		if ((wq.vm2_holds & bit(r)) && now_us >= wq.vm2_until[r]) {
			scm_trace("scm: second VM releases %u\n", (unsigned int)r);
			waitq_release(r);
		}
	for (i = 0; abandon && i < SCM_PARK_SLOTS; i++) {
		struct wq_slot *s = &wq.slot[i];

		/* Woken during this very tick, after @now_us was read: not late. */
		if (!s->parked || s->owner != OWNER_NS || !s->granted ||
		    s->granted_at > now_us || now_us - s->granted_at < abandon)
			continue;
		cnt_inc(MOCK_CNT_ABANDONED);
		scm_trace("scm: abandoned 0x%llx\n", (unsigned long long)s->token);
		r = s->res;
		slot_free(s);
		if (s->needs_res)
			serve(r, now_us);
	}
	for (r = 0; r < SCM_MAX_K; r++)
		if (wq.vm2_holds & bit(r))
			next = earlier(next, wq.vm2_until[r]);
	for (i = 0; abandon && i < SCM_PARK_SLOTS; i++) {
		const struct wq_slot *s = &wq.slot[i];

		if (s->parked && s->owner == OWNER_NS && s->granted)
			next = earlier(next, s->granted_at + abandon);
	}
	return next;
}
