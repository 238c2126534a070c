// SPDX-License-Identifier: GPL-2.0
/*
 * mock_ctl.c - the test-only control calls (OEM owner, fast SMC64), ABI in
 * include/mock_ctl.h. They change the scenario at run time, hold and
 * release resources as the second VM, and read the counters; nothing real
 * firmware has, and the scenario's mock_ctl=0 turns them off for a boot.
 * Plain C, unit-tested on the host.
 */
#include "contender.h"
#include "model.h"
#include "plat.h"
#include "scm.h"
#include "scm_svc.h"
#include "waitq.h"

#define CTL_OK		0
#define CTL_UNKNOWN	(-1)
#define CTL_INVALID	(-2)
#define CTL_REFUSED	(-12)

#define CTL_CNT_SVC_FIRST	0x100
#define CTL_CNT_SVC_LAST	0x1ff
#define CTL_CNT_REMOTE_FIRST	0x200
#define CTL_CNT_REMOTE_LAST	0x20f
#define CTL_MAX_KEY		0xffffffffULL

static int64_t mock_ctl_counter(uint64_t id, uint64_t *value)
{
	if (id >= CTL_CNT_SVC_FIRST && id <= CTL_CNT_SVC_LAST)
		*value = cnt_svc_get((uint8_t)id);
	else if (id >= CTL_CNT_REMOTE_FIRST && id <= CTL_CNT_REMOTE_LAST)
		*value = svc_remote_state((unsigned int)(id - CTL_CNT_REMOTE_FIRST));
	else if (id == MOCK_CNT_ASSIGN_MASK)
		*value = svc_assign_mask();
	else if (id == MOCK_CNT_PARKED)
		*value = waitq_parked_count();
	else if (id == MOCK_CNT_HELD)
		*value = waitq_held_mask();
	else if (id >= 1 && id <= MOCK_CNT_LAST)
		*value = cnt_get((uint32_t)id);
	else
		return CTL_INVALID;
	return CTL_OK;
}

/*
 * SET: K and wq_model only change with nothing parked or held (parked
 * calls name contexts of the old layout). The second VM's schedule starts
 * over when its period, hold or K changes.
 */
static int64_t mock_ctl_set(uint64_t key, uint64_t value)
{
	struct scm_cfg cfg = *scenario();
	uint64_t old = 0, now = plat_now_us();

	if (key > CTL_MAX_KEY || scm_cfg_get(&cfg, (uint32_t)key, &old) ||
	    scm_cfg_set(&cfg, (uint32_t)key, value))
		return CTL_INVALID;
	if ((key == MOCK_KEY_K || key == MOCK_KEY_WQ_MODEL) && value != old && waitq_in_use())
		return CTL_REFUSED;
	scenario_set((uint32_t)key, value);
	if (key == MOCK_KEY_SEED)
		model_reseed(value);
	if (key == MOCK_KEY_PERIOD_US || key == MOCK_KEY_HOLD_US || key == MOCK_KEY_K ||
	    key == MOCK_KEY_CONTEND)
		contender_restart(now);
	plat_timer_set(scm_tick(now));
	return CTL_OK;
}

/**
 * mock_ctl_handle() - answer an OEM-owner SMC (MOCK_CTL_FID(fn)).
 */
void mock_ctl_handle(struct smc_ctx *ctx)
{
	uint32_t fid = smc_fid(ctx);
	uint64_t a1 = ctx->x[1], a2 = ctx->x[2], value = 0;
	uint32_t ns, kind = 0;
	int64_t ret = CTL_OK;

	if ((fid & ~SMC_FUNC_MASK) != MOCK_CTL_FID(0)) {
		smc_ret1(ctx, CTL_UNKNOWN);
		return;
	}
	scm_lock();
	if (!scenario()->mock_ctl) {
		scm_unlock();
		smc_ret1(ctx, CTL_UNKNOWN);	/* as on real firmware */
		return;
	}
	switch (fid & SMC_FUNC_MASK) {
	case MOCK_CTL_SET:
		ret = mock_ctl_set(a1, a2);
		break;
	case MOCK_CTL_GET:
		ret = a1 > CTL_MAX_KEY || scm_cfg_get(scenario(), (uint32_t)a1, &value) ?
		      CTL_INVALID : CTL_OK;
		break;
	case MOCK_CTL_GET_COUNTER:
		ret = mock_ctl_counter(a1, &value);
		break;
	case MOCK_CTL_RESET_COUNTERS:
		cnt_reset();
		break;
	case MOCK_CTL_GET_SAMPLE:
		if (sample_get(a1, &ns, &kind)) {
			ret = CTL_INVALID;
			break;
		}
		value = ns;
		break;
	case MOCK_CTL_RELEASE_ALL:
		scenario_set(MOCK_KEY_PERIOD_US, 0);
		scenario_set(MOCK_KEY_CONTEND, MOCK_CONTEND_PERIODIC);
		waitq_release_all();
		plat_timer_set(scm_tick(plat_now_us()));
		break;
	case MOCK_CTL_HOLD:
	case MOCK_CTL_RELEASE:
		if (a1 >= scenario()->k) {
			ret = CTL_INVALID;
			break;
		}
		if ((fid & SMC_FUNC_MASK) == MOCK_CTL_HOLD)
			waitq_hold((uint32_t)a1);
		else
			waitq_release((uint32_t)a1);
		break;
	default:
		ret = CTL_UNKNOWN;
		break;
	}
	scm_unlock();
	smc_ret(ctx, ret, value, kind, 0);
}
