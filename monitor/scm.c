// SPDX-License-Identifier: GPL-2.0
/*
 * scm.c - the Qualcomm SCM service (SiP owner) of the mock firmware.
 *
 *  1. Calling convention: function ID, arginfo, the argument buffer at x5
 *  2. Availability (INFO/IS_CALL_AVAIL)
 *  3. Services: BOOT, PIL, IO, MP/ASSIGN, HDCP
 *  4. WAITQ calls: RESUME, GET_WQ_CTX, GET_INFO (model in waitq.c)
 *  5. scm_handle(): entry from smc.c
 *
 * Plain C with no hardware access (normal-world memory is read through
 * plat.h), unit-tested on the host. MODES.md documents every answer.
 */
#include "plat.h"
#include "scm.h"
#include "scm_model.h"

/* ---- 1. Calling convention ------------------------------------------- */

/* Does [pa, pa + len) lie in normal RAM? */
static int scm_ns_range_ok(uint64_t pa, uint64_t len)
{
	return pa >= SCM_NS_RAM_BASE && pa < SCM_NS_RAM_END && len <= SCM_NS_RAM_END - pa;
}

/**
 * scm_decode() - take the SCM call in @ctx apart into @call.
 *
 * With more than four arguments, arguments 3..9 come from the buffer at
 * x5: little-endian u64 each for SMC64, u32 for SMC32.
 *
 * Return: 0, or the SCM status to answer (-2 bad arginfo, -3 buffer
 * outside normal RAM).
 */
static int64_t scm_decode(const struct smc_ctx *ctx, struct scm_call *call)
{
	uint32_t fid = smc_fid(ctx);
	unsigned int i, width = smc_is_64(fid) ? 8 : 4;
	uint8_t buf[8 * (SCM_MAX_ARGS - 3)];

	call->fid = fid;
	call->svc = (uint8_t)(fid >> 8);
	call->cmd = (uint8_t)fid;
	call->fast = (fid & SMC_FAST) != 0;
	call->arginfo = (uint32_t)smc_arg(ctx, 1);
	call->nargs = call->arginfo & 0xf;
	for (i = 0; i < 6; i++)
		call->raw[i] = ctx->x[i];
	for (i = 0; i < SCM_MAX_ARGS; i++)
		call->args[i] = 0;
	if (call->nargs > SCM_MAX_ARGS)
		return SCM_EINVAL_ARG;
	if (call->nargs <= 4) {
		for (i = 0; i < call->nargs; i++)
			call->args[i] = smc_arg(ctx, 2 + i);
		return 0;
	}
	for (i = 0; i < 3; i++)
		call->args[i] = smc_arg(ctx, 2 + i);
	if (!scm_ns_range_ok(smc_arg(ctx, 5), (uint64_t)(call->nargs - 3) * width))
		return SCM_EINVAL_ADDR;
	plat_ns_read(smc_arg(ctx, 5), buf, (size_t)(call->nargs - 3) * width);
	for (i = 3; i < call->nargs; i++) {
		const uint8_t *p = buf + (i - 3) * width;
		uint64_t v = 0;
		unsigned int b;

		for (b = width; b--; )
			v = (v << 8) | p[b];
		call->args[i] = v;
	}
	return 0;
}

/* ---- 2. Availability ------------------------------------------------- */

/**
 * scm_call_available() - does the current scenario implement svc/cmd?
 *
 * The one list both IS_CALL_AVAIL and the dispatcher use, so the answer
 * is always truthful. WAITQ calls exist only in wait-queue mode.
 */
static int scm_call_available(unsigned int svc, unsigned int cmd)
{
	switch (SCM_FN(svc, cmd)) {
	case SCM_FN(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL):
	case SCM_FN(SCM_SVC_BOOT, SCM_BOOT_SET_REMOTE_STATE):
	case SCM_FN(SCM_SVC_PIL, SCM_PIL_PAS_IS_SUPPORTED):
	case SCM_FN(SCM_SVC_IO, SCM_IO_READ):
	case SCM_FN(SCM_SVC_IO, SCM_IO_WRITE):
	case SCM_FN(SCM_SVC_MP, SCM_MP_ASSIGN):
	case SCM_FN(SCM_SVC_HDCP, SCM_HDCP_INVOKE):
		return 1;
	case SCM_FN(SCM_SVC_WAITQ, SCM_WAITQ_RESUME):
	case SCM_FN(SCM_SVC_WAITQ, SCM_WAITQ_GET_WQ_CTX):
		return scm_st.cfg.mode == MOCK_MODE_WAITQ;
	case SCM_FN(SCM_SVC_WAITQ, SCM_WAITQ_GET_INFO):
		return scm_st.cfg.mode == MOCK_MODE_WAITQ && scm_st.cfg.get_info;
	default:
		return 0;
	}
}

static void scm_info_is_call_avail(const struct scm_call *call, struct scm_result *res)
{
	uint64_t query = call->args[0];

	if (call->nargs != 1) {
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	/* Linux passes the queried call as (SiP owner << 24) | (svc << 8) | cmd. */
	scm_result_set(res, SCM_SUCCESS,
		SMC_OWNER(query) == SMC_OWNER_SIP &&
		scm_call_available((query >> 8) & 0xff, query & 0xff), 0, 0);
}

/* ---- 3. Services ----------------------------------------------------- */

/* BOOT/SET_REMOTE_STATE(state, id): remembered per id; x1 = 0 (success). */
static void scm_set_remote_state(const struct scm_call *call, struct scm_result *res)
{
	uint64_t id = call->args[1];

	if (call->nargs != 2 || id >= 16) {
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	scm_st.remote_state[id] = (uint32_t)call->args[0];
	scm_result_set(res, SCM_SUCCESS, 0, 0, 0);
}

/* PAS ids the mock "supports" (ADSP 1, MPSS 4, venus 9, SLPI 12, CDSP 18). */
static int scm_pas_supported(uint64_t id)
{
	return id == 1 || id == 4 || id == 9 || id == 12 || id == 18;
}

static void scm_pas_is_supported(const struct scm_call *call, struct scm_result *res)
{
	if (call->nargs != 1) {
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	scm_result_set(res, SCM_SUCCESS, (uint64_t)scm_pas_supported(call->args[0]), 0, 0);
}

/*
 * IO/READ(addr) and IO/WRITE(addr, val): a register file of 32 words keyed
 * by address. A never-written address reads as ~addr (low 32 bits), so a
 * test can tell "never written" from "wrote 0". Unaligned -> -3, full -> -5.
 */
static int scm_io_find(uint32_t addr)
{
	unsigned int i;

	for (i = 0; i < scm_st.io_used; i++)
		if (scm_st.io_addr[i] == addr)
			return (int)i;
	return -1;
}

static void scm_io(const struct scm_call *call, struct scm_result *res)
{
	uint32_t addr = (uint32_t)call->args[0];
	int i;

	if (call->nargs != (call->cmd == SCM_IO_READ ? 1 : 2)) {
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	if (addr & 3) {
		scm_result_set(res, SCM_EINVAL_ADDR, 0, 0, 0);
		return;
	}
	i = scm_io_find(addr);
	if (call->cmd == SCM_IO_READ) {
		scm_result_set(res, SCM_SUCCESS, i < 0 ? (uint32_t)~addr : scm_st.io_val[i], 0, 0);
		return;
	}
	if (i < 0) {
		if (scm_st.io_used == sizeof(scm_st.io_addr) / sizeof(scm_st.io_addr[0])) {
			scm_result_set(res, SCM_ENOMEM, 0, 0, 0);
			return;
		}
		i = (int)scm_st.io_used++;
		scm_st.io_addr[i] = addr;
	}
	scm_st.io_val[i] = (uint32_t)call->args[1];
	scm_result_set(res, SCM_SUCCESS, 0, 0, 0);
}

/**
 * scm_hdcp_hash() - the documented answer of HDCP/INVOKE.
 *
 * FNV-1a-like over the ten arguments (as the caller's width passed them),
 * folded to 32 bits: x1 = fold(h), h = 0xcbf29ce484222325, per argument
 * h = (h ^ arg) * 0x100000001b3, h ^= h >> 29. Any change in any argument
 * changes the answer, so concurrent callers can tell theirs apart.
 */
uint32_t scm_hdcp_hash(const uint64_t *args, unsigned int n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	unsigned int i;

	for (i = 0; i < n; i++) {
		h = (h ^ args[i]) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	return (uint32_t)(h ^ (h >> 32));
}

static void scm_hdcp_invoke(const struct scm_call *call, struct scm_result *res)
{
	if (call->nargs != 10) {
		scm_result_set(res, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	scm_result_set(res, SCM_SUCCESS, scm_hdcp_hash(call->args, 10), 0, 0);
}

/*
 * MP/ASSIGN as Linux 6.1's qcom_scm_assign_mem() issues it: 7 arguments,
 *   0 mem list pa (RO)  1 mem list size  2 src vmid list pa (RO)
 *   3 src size          4 dest list pa (RO)  5 dest size  6 flag (0)
 * mem entry {le64 addr, le64 size}; src entry le32 vmid; dest entry
 * {le32 vmid, le32 perm, le64 ctx, le32 ctx_size, le32 unused}.
 */
#define ASSIGN_MEM_ENTRY	16
#define ASSIGN_SRC_ENTRY	4
#define ASSIGN_DEST_ENTRY	24
#define ASSIGN_MAX_MEM		4
#define ASSIGN_MAX_SRC		16
#define ASSIGN_MAX_DEST		8
#define ASSIGN_PERM_MASK	0x7	/* READ 4 | WRITE 2 | EXEC 1 */
#define ASSIGN_MAX_VMID		63	/* vmids are bits of a 64-bit mask */
#define ASSIGN_PAGE		0x1000

static uint64_t scm_le(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

/* Read one ASSIGN list: -3 if outside RAM or misaligned, -2 bad size. */
static int64_t scm_assign_list(uint64_t pa, uint64_t size, unsigned int entry,
			       unsigned int max, unsigned int align, uint8_t *buf)
{
	if (size == 0 || size % entry || size / entry > max)
		return SCM_EINVAL_ARG;
	if (pa & (align - 1) || !scm_ns_range_ok(pa, size))
		return SCM_EINVAL_ADDR;
	plat_ns_read(pa, buf, (size_t)size);
	return 0;
}

static int64_t scm_assign_check(const struct scm_call *call, uint64_t *dest_mask)
{
	uint8_t mem[ASSIGN_MAX_MEM * ASSIGN_MEM_ENTRY];
	uint8_t src[ASSIGN_MAX_SRC * ASSIGN_SRC_ENTRY];
	uint8_t dest[ASSIGN_MAX_DEST * ASSIGN_DEST_ENTRY];
	const uint64_t *a = call->args;
	uint64_t seen = 0;
	unsigned int i;
	int64_t ret;

	if (call->nargs != 7 || a[6] > 1)
		return SCM_EINVAL_ARG;
	ret = scm_assign_list(a[0], a[1], ASSIGN_MEM_ENTRY, ASSIGN_MAX_MEM, 8, mem);
	if (!ret)
		ret = scm_assign_list(a[2], a[3], ASSIGN_SRC_ENTRY, ASSIGN_MAX_SRC, 4, src);
	if (!ret)
		ret = scm_assign_list(a[4], a[5], ASSIGN_DEST_ENTRY, ASSIGN_MAX_DEST, 8, dest);
	if (ret)
		return ret;

	for (i = 0; i < a[1] / ASSIGN_MEM_ENTRY; i++) {
		uint64_t addr = scm_le(mem + i * ASSIGN_MEM_ENTRY, 8);
		uint64_t size = scm_le(mem + i * ASSIGN_MEM_ENTRY + 8, 8);

		if (size == 0 || (addr | size) & (ASSIGN_PAGE - 1) || addr + size < addr)
			return SCM_EINVAL_ARG;
	}
	for (i = 0; i < a[3] / ASSIGN_SRC_ENTRY; i++) {
		uint64_t vmid = scm_le(src + i * ASSIGN_SRC_ENTRY, 4);

		if (vmid > ASSIGN_MAX_VMID || seen & (1ULL << vmid))
			return SCM_EINVAL_ARG;
		seen |= 1ULL << vmid;
	}
	*dest_mask = 0;
	for (i = 0; i < a[5] / ASSIGN_DEST_ENTRY; i++) {
		const uint8_t *e = dest + i * ASSIGN_DEST_ENTRY;
		uint64_t vmid = scm_le(e, 4), perm = scm_le(e + 4, 4);
		uint64_t ctx = scm_le(e + 8, 8), ctx_size = scm_le(e + 16, 4);

		if (vmid > ASSIGN_MAX_VMID || *dest_mask & (1ULL << vmid))
			return SCM_EINVAL_ARG;
		if (perm == 0 || perm & ~(uint64_t)ASSIGN_PERM_MASK)
			return SCM_EINVAL_ARG;
		if (!ctx != !ctx_size)
			return SCM_EINVAL_ARG;
		*dest_mask |= 1ULL << vmid;
	}
	return 0;
}

static void scm_assign(const struct scm_call *call, struct scm_result *res)
{
	uint64_t mask = 0;
	int64_t ret = scm_assign_check(call, &mask);

	if (!ret)
		scm_st.assign_owner_mask = mask;
	scm_result_set(res, ret, 0, 0, 0);
}

/* ---- 4. WAITQ calls -------------------------------------------------- */

static void scm_waitq(const struct scm_call *call, struct scm_result *res)
{
	switch (call->cmd) {
	case SCM_WAITQ_RESUME:
		if (call->fast || call->nargs != 1) {
			scm_result_set(res, call->fast ? SCM_EOPNOTSUPP : SCM_EINVAL_ARG, 0, 0, 0);
			return;
		}
		waitq_resume(call->args[0], res);
		return;
	case SCM_WAITQ_GET_WQ_CTX:
		if (!call->fast) {	/* a yielding GET_WQ_CTX can deadlock */
			scm_result_set(res, SCM_EOPNOTSUPP, 0, 0, 0);
			return;
		}
		waitq_get_wq_ctx(res);
		return;
	case SCM_WAITQ_GET_INFO:
		scm_result_set(res, SCM_SUCCESS, scm_st.cfg.k, scm_st.cfg.wake_intid, 0);
		return;
	default:
		scm_result_set(res, SCM_EOPNOTSUPP, 0, 0, 0);
		return;
	}
}

/**
 * scm_execute() - run a decoded call to completion: no waiting, no faults.
 *
 * Used for first attempts that found their resource free, for RESUME of a
 * parked call and for reissued INTERRUPTED calls.
 */
void scm_execute(const struct scm_call *call, struct scm_result *res)
{
	switch (SCM_FN(call->svc, call->cmd)) {
	case SCM_FN(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL):
		scm_info_is_call_avail(call, res);
		break;
	case SCM_FN(SCM_SVC_BOOT, SCM_BOOT_SET_REMOTE_STATE):
		scm_set_remote_state(call, res);
		break;
	case SCM_FN(SCM_SVC_PIL, SCM_PIL_PAS_IS_SUPPORTED):
		scm_pas_is_supported(call, res);
		break;
	case SCM_FN(SCM_SVC_IO, SCM_IO_READ):
	case SCM_FN(SCM_SVC_IO, SCM_IO_WRITE):
		scm_io(call, res);
		break;
	case SCM_FN(SCM_SVC_MP, SCM_MP_ASSIGN):
		scm_assign(call, res);
		break;
	case SCM_FN(SCM_SVC_HDCP, SCM_HDCP_INVOKE):
		scm_hdcp_invoke(call, res);
		break;
	default:
		if (call->svc == SCM_SVC_WAITQ && scm_call_available(call->svc, call->cmd))
			scm_waitq(call, res);
		else
			scm_result_set(res, SCM_EOPNOTSUPP, 0, 0, 0);
		break;
	}
}

/**
 * scm_run() - a call's first attempt (or a reissue after INTERRUPTED):
 * faults, then the resource it needs, then the service.
 */
static void scm_run(struct scm_call *call, struct scm_result *res)
{
	int is_waitq = call->svc == SCM_SVC_WAITQ;

	scm_result_set(res, 0, 0, 0, 0);
	if (!is_waitq && scm_interrupt_maybe(call, res))
		return;
	if (!is_waitq && call->fast && scm_call_available(call->svc, call->cmd) &&
	    call->svc != SCM_SVC_INFO && scm_st.cfg.mode == MOCK_MODE_WAITQ &&
	    scm_fault(MOCK_FAULT_FAST_SLEEP)) {
		waitq_fast_sleep(call, res);
		return;
	}
	if (scm_needs_resource(call) && scm_resource_wait(call, res))
		return;
	scm_execute(call, res);
}

static void scm_answer(struct smc_ctx *ctx, const struct scm_result *res)
{
	smc_ret(ctx, res->x0, res->x1, res->x2, res->x3);
	if (res->set_x6)
		ctx->x[6] = res->x6;
	if (res->x0 == SCM_EBUSY)
		scm_st.cnt[MOCK_CNT_BUSY]++;
	if (res->x0 == SCM_WAITQ_SLEEP)
		scm_st.cnt[MOCK_CNT_SLEEPS]++;
	if (res->x0 == SCM_INTERRUPTED)
		scm_st.cnt[MOCK_CNT_INTERRUPTED]++;
}

/* ---- 5. Entry -------------------------------------------------------- */

/**
 * scm_handle() - answer any SiP-owner SMC, and x0 = 1 (INTERRUPTED reissue).
 *
 * SMC64 and SMC32, fast and yielding. A scenario with smc64=0 answers
 * every SMC64 SiP call -1 (NOT_SUPPORTED), so Linux's probe falls back to
 * the SMC32 convention.
 */
void scm_handle(struct smc_ctx *ctx)
{
	struct scm_result res;
	struct scm_call call;
	int64_t ret;

	scm_lock();
	/* Any CPU keeps the second VM's clock going, e.g. after its owner went OFF. */
	if (scm_st.cfg.period_us || scm_st.contender_holding)
		plat_timer_set(contender_tick(plat_now_us()));
	if (smc_fid(ctx) == SCM_FID_INTERRUPTED_REISSUE) {
		scm_interrupted_resume(ctx);
		scm_unlock();
		return;
	}
	if (smc_is_64(smc_fid(ctx)) && !scm_st.cfg.smc64) {
		smc_ret1(ctx, SMC_UNKNOWN);
		scm_unlock();
		return;
	}
	/* Unknown calls answer -4 whatever their arguments look like. */
	call.svc = (uint8_t)(smc_fid(ctx) >> 8);
	call.fid = smc_fid(ctx);
	call.nargs = 0;
	ret = scm_call_available(call.svc, smc_fid(ctx) & 0xff) ?
	      scm_decode(ctx, &call) : SCM_EOPNOTSUPP;
	scm_st.cnt[MOCK_CNT_CALLS]++;
	scm_st.cnt_svc[call.svc]++;
	if (call.svc == SCM_SVC_WAITQ && call.cmd == SCM_WAITQ_RESUME)
		scm_st.cnt[MOCK_CNT_RESUMES]++;
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

/* Re-entry for the INTERRUPTED reissue path (waitq.c) without the lock. */
void scm_run_reissued(struct scm_call *call, struct smc_ctx *ctx)
{
	struct scm_result res;

	scm_run(call, &res);
	scm_answer(ctx, &res);
}
