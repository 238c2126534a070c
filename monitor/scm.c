// SPDX-License-Identifier: GPL-2.0
/*
 * scm.c - the Qualcomm SCM service (SiP owner): one switch over named
 * function IDs, each case answering through scm_ret().
 *
 * For now only INFO/IS_CALL_AVAIL is implemented, which is all Linux 6.1's
 * qcom_scm needs to probe: it issues it as a fast SMC64 call and picks the
 * SMC64 convention when x1 comes back 1. Every other SiP call answers the
 * SCM code -4 (not supported), which the driver turns into -EOPNOTSUPP.
 *
 * Plain C with no hardware access, unit-tested on the host.
 */
#include "scm.h"

/* Calls IS_CALL_AVAIL reports as available, as SCM_FN(svc, cmd). */
static const uint16_t scm_available[] = {
	SCM_FN(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL),
};

static void scm_ret(struct smc_ctx *ctx, int64_t status, uint64_t r1,
		    uint64_t r2, uint64_t r3)
{
	smc_ret(ctx, status, r1, r2, r3);
}

static int scm_is_available(uint64_t query)
{
	unsigned int i;

	/* Linux passes the queried call as (SiP owner << 24) | (svc << 8) | cmd. */
	if (SMC_OWNER(query) != SMC_OWNER_SIP)
		return 0;
	for (i = 0; i < sizeof(scm_available) / sizeof(scm_available[0]); i++)
		if (scm_available[i] == (query & SMC_FUNC_MASK))
			return 1;
	return 0;
}

/* INFO/IS_CALL_AVAIL: x1 = SCM_ARGS(1), x2 = queried call. */
static void scm_info_is_call_avail(struct smc_ctx *ctx)
{
	if (smc_arg(ctx, 1) != SCM_ARGS(1)) {
		scm_ret(ctx, SCM_EINVAL_ARG, 0, 0, 0);
		return;
	}
	scm_ret(ctx, SCM_SUCCESS, (uint64_t)scm_is_available(smc_arg(ctx, 2)), 0, 0);
}

/**
 * scm_handle() - answer any SiP-owner SMC.
 *
 * Only the SMC64 convention is offered, so the driver's probe settles on it.
 */
void scm_handle(struct smc_ctx *ctx)
{
	switch (smc_fid(ctx)) {
	case SCM_FID_FAST64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL):
	case SCM_FID_YIELD64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL):
		scm_info_is_call_avail(ctx);
		break;
	default:
		scm_ret(ctx, SCM_EOPNOTSUPP, 0, 0, 0);
		break;
	}
}
