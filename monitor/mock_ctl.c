// SPDX-License-Identifier: GPL-2.0
/*
 * mock_ctl.c - the test-only control calls (OEM owner, fast SMC64), ABI in
 * include/mock_ctl.h. They change the scenario at run time and read the
 * counters; nothing real firmware has. Plain C, unit-tested on the host.
 */
#include "plat.h"
#include "scm.h"
#include "scm_model.h"

#define CTL_OK		0
#define CTL_UNKNOWN	(-1)
#define CTL_INVALID	(-2)
#define CTL_REFUSED	(-12)

static int64_t mock_ctl_counter(uint64_t id, uint64_t *value)
{
	if (id >= 0x100 && id <= 0x1ff) {
		*value = scm_st.cnt_svc[id & 0xff];
		return CTL_OK;
	}
	if (id >= 0x200 && id < 0x210) {	/* MOCK_CNT_REMOTE_STATE(id) */
		*value = scm_st.remote_state[id & 0xf];
		return CTL_OK;
	}
	if (id == MOCK_CNT_ASSIGN_MASK) {
		*value = scm_st.assign_owner_mask;
		return CTL_OK;
	}
	if (id == MOCK_CNT_PARKED) {
		*value = waitq_parked_count();
		return CTL_OK;
	}
	if (id == 0 || id > MOCK_CNT_SPIN_MAX_US)
		return CTL_INVALID;
	*value = scm_st.cnt[id];
	return CTL_OK;
}

/* SET: K only changes with nothing parked (parked calls name old contexts). */
static int64_t mock_ctl_set(uint64_t key, uint64_t value)
{
	struct scm_cfg cfg = scm_st.cfg;

	if (key == MOCK_KEY_K && value != cfg.k && (waitq_parked_count() || scm_st.held))
		return CTL_REFUSED;
	if (key > 0xffffffffULL || scm_cfg_set(&cfg, (uint32_t)key, value))
		return CTL_INVALID;
	scm_st.cfg = cfg;
	if (key == MOCK_KEY_SEED)
		scm_st.prng = value ? value : 0x9e3779b97f4a7c15ULL;
	if (key == MOCK_KEY_PERIOD_US || key == MOCK_KEY_HOLD_US) {
		scm_st.contender_next = plat_now_us();
		plat_timer_set(contender_tick(plat_now_us()));
	}
	return CTL_OK;
}

/**
 * mock_ctl_handle() - answer an OEM-owner SMC (MOCK_CTL_FID(fn)).
 */
void mock_ctl_handle(struct smc_ctx *ctx)
{
	uint32_t fid = smc_fid(ctx);
	uint64_t a1 = ctx->x[1], a2 = ctx->x[2], value = 0;
	int64_t ret = CTL_OK;
	unsigned int i;

	if ((fid & ~SMC_FUNC_MASK) != MOCK_CTL_FID(0)) {
		smc_ret1(ctx, CTL_UNKNOWN);
		return;
	}
	scm_lock();
	switch (fid & SMC_FUNC_MASK) {
	case MOCK_CTL_SET:
		ret = mock_ctl_set(a1, a2);
		break;
	case MOCK_CTL_GET:
		ret = a1 > 0xffffffffULL || scm_cfg_get(&scm_st.cfg, (uint32_t)a1, &value) ?
		      CTL_INVALID : CTL_OK;
		break;
	case MOCK_CTL_GET_COUNTER:
		ret = mock_ctl_counter(a1, &value);
		break;
	case MOCK_CTL_RESET_COUNTERS:
		for (i = 0; i < sizeof(scm_st.cnt) / sizeof(scm_st.cnt[0]); i++)
			scm_st.cnt[i] = 0;
		for (i = 0; i < 256; i++)
			scm_st.cnt_svc[i] = 0;
		break;
	case MOCK_CTL_RELEASE_ALL:
		scm_st.cfg.period_us = 0;
		waitq_release_all();
		plat_timer_set(0);
		break;
	case MOCK_CTL_HOLD:
	case MOCK_CTL_RELEASE:
		if (a1 >= scm_st.cfg.k) {
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
	smc_ret(ctx, ret, value, 0, 0);
}
