// SPDX-License-Identifier: GPL-2.0
/*
 * scm.c - the Qualcomm SCM service (SiP owner) of the mock firmware: the
 * calling convention, and the front of the model.
 *
 *  1. The calls this firmware knows: forms and exact arginfo
 *  2. Decoding: function ID, arginfo, the argument buffer at x5
 *  3. INTERRUPTED answers and their reissue
 *  4. When a call may run: wait-queue, spin and busy firmware
 *  5. INFO and WAITQ calls
 *  6. Entry from smc.c, the clock, set-up
 *
 * Services run in scm_svc.c, the wait-queue model lives in waitq.c, the
 * second VM's schedule in contender.c; this file calls them and none of
 * them calls back. Plain C with no hardware access (normal-world memory
 * through plat.h), unit-tested on the host. MODES.md documents every
 * answer.
 */
#include "contender.h"
#include "le.h"
#include "model.h"
#include "nsmem.h"
#include "plat.h"
#include "scm.h"
#include "scm_call.h"
#include "scm_svc.h"
#include "waitq.h"

/* ---- 1. The calls ------------------------------------------------------ */

#define FORM_FAST	(1U << 0)	/* may be a fast call */
#define FORM_YIELD	(1U << 1)	/* may be a yielding call */
#define FORM_SMC64	(1U << 2)	/* SMC64 only */
#define FORM_ANY	(FORM_FAST | FORM_YIELD)

struct scm_spec {
	uint16_t fn;		/* SCM_FN(svc, cmd) */
	uint8_t forms;
	uint32_t arginfo;	/* exactly this, or -2 */
};

static const struct scm_spec scm_specs[] = {
	{ SCM_FN(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), FORM_ANY, SCM_ARGINFO_IS_CALL_AVAIL },
	{ SCM_FN(SCM_SVC_BOOT, SCM_BOOT_SET_REMOTE_STATE), FORM_ANY, SCM_ARGINFO_SET_REMOTE_STATE },
	{ SCM_FN(SCM_SVC_PIL, SCM_PIL_PAS_IS_SUPPORTED), FORM_ANY, SCM_ARGINFO_PAS_IS_SUPPORTED },
	{ SCM_FN(SCM_SVC_IO, SCM_IO_READ), FORM_ANY, SCM_ARGINFO_IO_READ },
	{ SCM_FN(SCM_SVC_IO, SCM_IO_WRITE), FORM_ANY, SCM_ARGINFO_IO_WRITE },
	{ SCM_FN(SCM_SVC_MP, SCM_MP_ASSIGN), FORM_ANY, SCM_ARGINFO_MP_ASSIGN },
	{ SCM_FN(SCM_SVC_HDCP, SCM_HDCP_INVOKE), FORM_ANY, SCM_ARGINFO_HDCP_INVOKE },
	/* A fast RESUME cannot sleep; a yielding GET_WQ_CTX can deadlock. */
	{ SCM_FN(SCM_SVC_WAITQ, SCM_WAITQ_RESUME), FORM_YIELD | FORM_SMC64, SCM_ARGINFO_RESUME },
	{ SCM_FN(SCM_SVC_WAITQ, SCM_WAITQ_GET_WQ_CTX), FORM_FAST | FORM_SMC64,
	  SCM_ARGINFO_GET_WQ_CTX },
	{ SCM_FN(SCM_SVC_WAITQ, SCM_WAITQ_GET_INFO), FORM_FAST | FORM_SMC64, SCM_ARGINFO_GET_INFO },
};

#define SCM_SPECS	(sizeof(scm_specs) / sizeof(scm_specs[0]))

static const struct scm_spec *scm_spec_of(unsigned int svc, unsigned int cmd)
{
	unsigned int i;

	for (i = 0; i < SCM_SPECS; i++)
		if (scm_specs[i].fn == SCM_FN(svc, cmd))
			return &scm_specs[i];
	return NULL;
}

/*
 * Does this scenario implement svc/cmd? The one list the dispatcher and
 * IS_CALL_AVAIL share, so the answer is truthful (avail_waitq=0 aside).
 * WAITQ calls exist only in wait-queue mode (with smc64=0 there is none).
 */
static int scm_implemented(unsigned int svc, unsigned int cmd)
{
	if (!scm_spec_of(svc, cmd))
		return 0;
	if (svc != SCM_SVC_WAITQ)
		return 1;
	if (scenario_mode() != MOCK_MODE_WAITQ)
		return 0;
	return cmd != SCM_WAITQ_GET_INFO || scenario()->get_info;
}

/* What an unknown, unavailable or wrongly issued call answers. */
static int64_t scm_unknown(void)
{
	return scenario()->unknown_answer == MOCK_UNKNOWN_SCM ? SCM_EOPNOTSUPP : SMC_UNKNOWN;
}

/* ---- 2. Decoding ------------------------------------------------------- */

static uint64_t scm_buf_len(const struct scm_call *call)
{
	return (uint64_t)(call->nargs - SCM_BUF_FIRST_ARG) * (call->smc64 ? 8 : 4);
}

/* Arguments 3..N-1 from the buffer at @pa: u64 LE each for SMC64, u32 for SMC32. */
static void scm_read_buf_args(const struct scm_call *call, uint64_t pa, uint64_t *args)
{
	uint8_t buf[8 * (SCM_MAX_ARGS - SCM_BUF_FIRST_ARG)];
	unsigned int i, width = call->smc64 ? 8 : 4;

	plat_ns_read(pa, buf, (size_t)scm_buf_len(call));
	for (i = SCM_BUF_FIRST_ARG; i < call->nargs; i++)
		args[i] = le_get(buf + (i - SCM_BUF_FIRST_ARG) * width, width);
}

/**
 * scm_decode() - take the SCM call in @ctx apart into @call.
 *
 * @call is filled in whatever the outcome. The call must be one this
 * scenario implements, in a form it allows (fast/yielding, SMC64-only
 * calls), with exactly its arginfo, and a buffer (more than four
 * arguments) inside normal RAM.
 *
 * Return: 0, or the status to answer: the unknown-call answer, -2 (wrong
 * arginfo), -3 (buffer outside normal RAM).
 */
static int64_t scm_decode(const struct smc_ctx *ctx, struct scm_call *call)
{
	static const struct scm_call empty;
	const struct scm_spec *spec;
	uint32_t fid = smc_fid(ctx);
	uint64_t arginfo = smc_arg(ctx, 1);
	unsigned int i;

	*call = empty;
	call->fid = fid;
	call->svc = (uint8_t)(fid >> 8);
	call->cmd = (uint8_t)fid;
	call->fast = (fid & SMC_FAST) != 0;
	call->smc64 = smc_is_64(fid);
	call->arginfo = (uint32_t)arginfo;
	call->nargs = (uint8_t)SCM_ARGINFO_COUNT(arginfo);
	for (i = 0; i < SCM_RAW_REGS; i++)
		call->raw[i] = ctx->x[i];

	spec = scm_spec_of(call->svc, call->cmd);
	if (!spec || !scm_implemented(call->svc, call->cmd))
		return scm_unknown();
	if (!(spec->forms & (call->fast ? FORM_FAST : FORM_YIELD)) ||
	    ((spec->forms & FORM_SMC64) && !call->smc64))
		return scm_unknown();
	if (arginfo != spec->arginfo) {
		cnt_inc(MOCK_CNT_BAD_ARGINFO);
		return SCM_EINVAL_ARG;
	}
	if (call->nargs <= SCM_REG_ARGS) {
		for (i = 0; i < call->nargs; i++)
			call->args[i] = smc_arg(ctx, 2 + i);
		return 0;
	}
	for (i = 0; i < SCM_BUF_FIRST_ARG; i++)
		call->args[i] = smc_arg(ctx, 2 + i);
	call->buf_pa = smc_arg(ctx, 5);
	if (!ns_mem_ok(call->buf_pa, scm_buf_len(call)))
		return SCM_EINVAL_ADDR;
	scm_read_buf_args(call, call->buf_pa, call->args);
	return 0;
}

/*
 * Has the caller changed the argument buffer of @call since firmware read
 * it? Firmware owns it until the call completes: a kernel that frees or
 * reuses it while the call is parked is caught here.
 */
static int scm_buffer_changed(const struct scm_call *call)
{
	uint64_t now[SCM_MAX_ARGS];
	unsigned int i;

	if (call->nargs <= SCM_REG_ARGS)
		return 0;
	if (!ns_mem_ok(call->buf_pa, scm_buf_len(call)))
		return 1;
	scm_read_buf_args(call, call->buf_pa, now);
	for (i = SCM_BUF_FIRST_ARG; i < call->nargs; i++)
		if (now[i] != call->args[i])
			return 1;
	return 0;
}

/* ---- 3. INTERRUPTED ----------------------------------------------------- */

/*
 * With interrupt_random=1 (1 in 4 calls) or the "interrupt" fault, a call
 * answers x0 = 1 with a resume token in x6 before it runs; Linux reissues
 * with x0 = 1, the same x1..x5 and x6 = token, and the call then runs
 * once (it may be interrupted again). Tokens have slots of their own; a
 * token not reissued within abandon_us is abandoned.
 */
#define IRQ_SLOTS		16
#define IRQ_TOKEN_SLOT_BITS	8
#define IRQ_TOKEN_SLOT_MASK	((1U << IRQ_TOKEN_SLOT_BITS) - 1)
#define IRQ_TOKEN_GEN_MASK	0x7fffffU
#define IRQ_RANDOM_ONE_IN	4

static struct {
	struct irq_slot {
		int used;
		uint64_t token;
		uint64_t issued_at;
		struct scm_call call;
	} slot[IRQ_SLOTS];
	uint32_t gen;
} irq = { .gen = 1 };

static void irq_reset(void)
{
	unsigned int i;

	for (i = 0; i < IRQ_SLOTS; i++)
		irq.slot[i].used = 0;
	irq.gen = 1;
}

static int scm_interrupt_maybe(const struct scm_call *call, struct scm_result *res)
{
	struct irq_slot *s = NULL;
	unsigned int i;

	if (!(scenario()->irq_random && model_prng() % IRQ_RANDOM_ONE_IN == 0) &&
	    !model_fault(MOCK_FAULT_INTERRUPT))
		return 0;
	for (i = 0; i < IRQ_SLOTS && !s; i++)
		if (!irq.slot[i].used)
			s = &irq.slot[i];
	if (!s)
		return 0;
	s->used = 1;
	s->call = *call;
	s->issued_at = plat_now_us();
	s->token = ((uint64_t)(irq.gen & IRQ_TOKEN_GEN_MASK) << IRQ_TOKEN_SLOT_BITS) |
		   (uint64_t)(s - irq.slot);
	if (!(++irq.gen & IRQ_TOKEN_GEN_MASK))
		irq.gen = 1;
	scm_result_set(res, SCM_INTERRUPTED, 0, 0, 0);
	res->x6 = s->token;
	res->set_x6 = 1;
	return 1;
}

/* The slot of a reissue, or NULL: token unknown, or x1..x5 not the same. */
static struct irq_slot *irq_find(const struct smc_ctx *ctx)
{
	uint64_t token = ctx->x[6], i = token & IRQ_TOKEN_SLOT_MASK;
	struct irq_slot *s;
	unsigned int r;

	if (i >= IRQ_SLOTS)
		return NULL;
	s = &irq.slot[i];
	if (!s->used || s->token != token)
		return NULL;
	for (r = 1; r < SCM_RAW_REGS; r++)
		if (s->call.raw[r] != ctx->x[r])
			return NULL;
	return s;
}

static uint64_t irq_tick(uint64_t now_us)
{
	uint64_t abandon = scenario()->abandon_us, next = 0;
	unsigned int i;

	for (i = 0; abandon && i < IRQ_SLOTS; i++) {
		struct irq_slot *s = &irq.slot[i];

		if (!s->used)
			continue;
		if (s->issued_at <= now_us && now_us - s->issued_at >= abandon) {
			s->used = 0;
			cnt_inc(MOCK_CNT_ABANDONED);
		} else if (!next || s->issued_at + abandon < next) {
			next = s->issued_at + abandon;
		}
	}
	return next;
}

/* ---- 4. When a call may run ------------------------------------------- */

/* Spin mode gives up after this long, so a forgotten HOLD cannot hang a run. */
#define SCM_SPIN_LIMIT_US	10000000ULL

/*
 * Legacy firmware: wait at EL3 with interrupts masked. The second VM's
 * timer FIQ cannot be taken here, so drive its schedule ourselves. A spin
 * that ends with @r free takes a spin sample: from @r's release to now.
 * Return: 0 once @r is free, -1 after SCM_SPIN_LIMIT_US.
 */
static int scm_spin(uint32_t r)
{
	uint64_t start = plat_now_us(), now = start;
	int ret = 0;

	cnt_inc(MOCK_CNT_SPINS);
	scm_trace("scm: cpu%u spins on resource %u\n", plat_my_cpu_index(), (unsigned int)r);
	while (waitq_held(r)) {
		if (now - start > SCM_SPIN_LIMIT_US) {
			ret = -1;
			break;
		}
		scm_unlock();
		plat_spin_relax();
		now = plat_now_us();
		scm_lock();
		plat_timer_set(scm_tick(now));
	}
	if (!ret)
		sample_add(MOCK_SAMPLE_SPIN, waitq_released_at(r), plat_ticks());
	/* The time this CPU could take no interrupt. */
	cnt_add(MOCK_CNT_SPIN_US, now - start);
	cnt_max(MOCK_CNT_SPIN_MAX_US, now - start);
	return ret;
}

/* Answers of the "random" fault: only ones a correct caller copes with. */
enum { RANDOM_BUSY, RANDOM_SLEEP, RANDOM_NORMAL, RANDOM_CHOICES };

/**
 * scm_resource_wait() - a call needing a resource, before it runs.
 *
 * Return: 0 when the call may run now; 1 when @res holds the answer
 * instead (SLEEP, busy, or a random-mode answer).
 */
static int scm_resource_wait(const struct scm_call *call, struct scm_result *res)
{
	uint32_t r = waitq_resource_of(call), mode = scenario_mode();

	if (!call->fast && model_fault(MOCK_FAULT_RANDOM)) {
		switch (model_prng() % RANDOM_CHOICES) {
		case RANDOM_BUSY:
			scm_result_set(res, SCM_EBUSY, 0, 0, 0);
			return 1;
		case RANDOM_SLEEP:
			if (mode == MOCK_MODE_WAITQ) {
				waitq_sleep_now(call, r, 1, res);
				return 1;
			}
			break;
		default:
			break;
		}
	}
	switch (mode) {
	case MOCK_MODE_WAITQ:
		return waitq_enter(call, r, res) == WAITQ_ANSWERED;
	case MOCK_MODE_SPIN:
		if (!waitq_held(r) || !scm_spin(r))
			return 0;
		break;
	default:
		if (!waitq_busy_enter(r, call->at))
			return 0;
		break;
	}
	scm_result_set(res, SCM_EBUSY, 0, 0, 0);
	return 1;
}

/* contend=each: once a call has run on its resource, the second VM takes it. */
static void scm_ran(const struct scm_call *call)
{
	if (svc_needs_resource(call) && contender_ran(waitq_resource_of(call)))
		plat_timer_set(scm_tick(plat_now_us()));
}

/* ---- 5. INFO and WAITQ calls ------------------------------------------ */

static void scm_is_call_avail(const struct scm_call *call, struct scm_result *res)
{
	uint64_t query = call->args[0];
	unsigned int svc = (query >> 8) & 0xff, cmd = query & 0xff;
	int avail = SMC_OWNER(query) == SMC_OWNER_SIP && scm_implemented(svc, cmd);

	/* Qualcomm's TZ says 0 for the WAITQ calls even where they work. */
	if (svc == SCM_SVC_WAITQ && !scenario()->avail_waitq)
		avail = 0;
	scm_result_set(res, SCM_SUCCESS, (uint64_t)avail, 0, 0);
}

static void scm_resume(const struct scm_call *call, struct scm_result *res)
{
	struct scm_call parked;

	if (waitq_resume(call->args[0], call->at, &parked, res) != WAITQ_RUN)
		return;
	if (scm_buffer_changed(&parked))
		cnt_inc(MOCK_CNT_BUFFER_CHANGED);
	svc_execute(&parked, res);
	scm_ran(&parked);
}

static void scm_waitq(const struct scm_call *call, struct scm_result *res)
{
	const struct scm_cfg *cfg = scenario();

	switch (call->cmd) {
	case SCM_WAITQ_RESUME:
		scm_resume(call, res);
		break;
	case SCM_WAITQ_GET_WQ_CTX:
		waitq_get_wq_ctx(res);
		break;
	default:	/* GET_INFO */
		scm_result_set(res, SCM_SUCCESS, cfg->k & SCM_WAITQ_INFO_COUNT_MASK,
			       cfg->wake_intid & SCM_WAITQ_INFO_INTID_MASK, 0);
		break;
	}
}

static void scm_execute(const struct scm_call *call, struct scm_result *res)
{
	if (call->svc == SCM_SVC_INFO)
		scm_is_call_avail(call, res);
	else
		svc_execute(call, res);
}

/**
 * scm_run() - a decoded call's first attempt (or its reissue after
 * INTERRUPTED): WAITQ calls at once; others may be interrupted, the
 * fast-sleep fault may park them, then they wait for their resource the
 * way this firmware waits, then they run.
 */
static void scm_run(const struct scm_call *call, struct scm_result *res)
{
	scm_result_set(res, 0, 0, 0, 0);
	if (call->svc == SCM_SVC_WAITQ) {
		scm_waitq(call, res);
		return;
	}
	if (scm_interrupt_maybe(call, res))
		return;
	if (call->fast && call->svc != SCM_SVC_INFO && scenario_mode() == MOCK_MODE_WAITQ &&
	    model_fault(MOCK_FAULT_FAST_SLEEP)) {
		waitq_sleep_now(call, waitq_resource_of(call), 0, res);
		return;
	}
	if (svc_needs_resource(call) && scm_resource_wait(call, res))
		return;
	scm_execute(call, res);
	scm_ran(call);
}

static void scm_answer(struct smc_ctx *ctx, const struct scm_result *res)
{
	smc_ret(ctx, res->x0, res->x1, res->x2, res->x3);
	if (res->set_x6)
		ctx->x[6] = res->x6;
	if (res->x0 == SCM_EBUSY)
		cnt_inc(MOCK_CNT_BUSY);
	if (res->x0 == SCM_WAITQ_SLEEP)
		cnt_inc(MOCK_CNT_SLEEPS);
	if (res->x0 == SCM_INTERRUPTED)
		cnt_inc(MOCK_CNT_INTERRUPTED);
}

/* Linux's reissue of an INTERRUPTED call, arriving at @at; anything else about it is -2. */
static void scm_reissue(struct smc_ctx *ctx, uint64_t at)
{
	struct irq_slot *s = irq_find(ctx);
	struct scm_result res;
	struct scm_call call;

	if (!s) {
		smc_ret1(ctx, SCM_EINVAL_ARG);
		return;
	}
	call = s->call;
	call.at = at;
	s->used = 0;
	scm_trace("scm: reissue of fid 0x%x\n", (unsigned int)call.fid);
	scm_run(&call, &res);
	scm_answer(ctx, &res);
}

/* ---- 6. Entry, clock, set-up -------------------------------------------- */

static uint64_t earliest(uint64_t a, uint64_t b)
{
	return !a || (b && b < a) ? b : a;
}

/**
 * scm_tick() - the model at @now_us: the second VM's holds that ended,
 * its calls that are due, expired woken calls and INTERRUPTED tokens.
 * Called with the lock held, from every SCM call and the secure timer.
 *
 * Return: when the model next wants to run (us), 0 for never.
 */
uint64_t scm_tick(uint64_t now_us)
{
	uint64_t next;

	waitq_tick(now_us);	/* holds that ended first: their resource is free */
	next = contender_tick(now_us);
	next = earliest(next, waitq_tick(now_us));
	return earliest(next, irq_tick(now_us));
}

/**
 * scm_handle() - answer any SiP-owner SMC, and x0 = 1 (INTERRUPTED reissue).
 *
 * SMC64 and SMC32, fast and yielding. With smc64=0 every SMC64 SiP call
 * answers -1 (NOT_SUPPORTED), so Linux's probe falls back to SMC32.
 */
void scm_handle(struct smc_ctx *ctx)
{
	uint64_t at = plat_ticks();	/* before the lock: when the call arrived */
	struct scm_result res;
	struct scm_call call;
	uint32_t fid = smc_fid(ctx);
	int64_t ret;

	scm_lock();
	/* Any CPU keeps the model's clock going, e.g. after the timer's owner went OFF. */
	plat_timer_set(scm_tick(plat_now_us()));
	if (fid == SCM_FID_INTERRUPTED_REISSUE) {
		scm_reissue(ctx, at);
		scm_unlock();
		return;
	}
	if (smc_is_64(fid) && !scenario()->smc64) {
		smc_ret1(ctx, SMC_UNKNOWN);
		scm_unlock();
		return;
	}
	ret = scm_decode(ctx, &call);
	call.at = at;
	cnt_inc(MOCK_CNT_CALLS);
	cnt_svc_inc(call.svc);
	if (!ret && call.svc == SCM_SVC_WAITQ && call.cmd == SCM_WAITQ_RESUME)
		cnt_inc(MOCK_CNT_RESUMES);
	scm_trace("scm: cpu%u fid 0x%x args %u\n", plat_my_cpu_index(),
		  (unsigned int)call.fid, (unsigned int)call.nargs);
	if (ret)
		scm_result_set(&res, ret, 0, 0, 0);
	else
		scm_run(&call, &res);
	scm_answer(ctx, &res);
	scm_trace("scm: cpu%u fid 0x%x -> %lld 0x%llx 0x%llx 0x%llx\n", plat_my_cpu_index(),
		  (unsigned int)call.fid, (long long)res.x0, (unsigned long long)res.x1,
		  (unsigned long long)res.x2, (unsigned long long)res.x3);
	scm_unlock();
}

/**
 * scm_model_init() - forget everything and become the firmware @cfg says:
 * counters, PRNG (from the seed), services, parked calls, the second VM.
 * Normal RAM (nsmem.h) is the boot's to describe, and is kept.
 */
void scm_model_init(const struct scm_cfg *cfg)
{
	scenario_load(cfg);
	model_reset(cfg->seed);
	svc_reset();
	waitq_reset();
	irq_reset();
	contender_reset();
	contender_restart(plat_now_us());
	plat_timer_set(0);
}
