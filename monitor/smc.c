// SPDX-License-Identifier: GPL-2.0
/*
 * smc.c - SMCCC dispatch: the one place a function ID is taken apart.
 *
 * Owner (bits 29:24) picks the service:
 *   0 Arm architecture  fast calls only, answered here
 *   2 SiP               Qualcomm SCM, fast and yielding, scm.c decides
 *   3 OEM               test-only mock control, fast SMC64 (mock_ctl.c)
 *   4 standard secure   PSCI, fast calls only, psci.c
 * Anything else, including yielding calls to the Arm and standard owners,
 * answers NOT_SUPPORTED (-1) at once, except x0 = 1: the SCM reissue of
 * an INTERRUPTED call (Linux puts 1 in x0, not the function ID), which
 * goes to scm.c: an unknown ID must never hang or
 * fault the caller.
 *
 * Plain C with no hardware access, built for the firmware and for the host
 * unit tests alike.
 */
#include "psci.h"
#include "scm.h"
#include "smccc.h"

/**
 * smccc_arch_features() - SMCCC_ARCH_FEATURES for @fid.
 *
 * Return: 0 for the architecture calls this monitor implements, -1 for all
 * others. In particular the ARCH_WORKAROUND_* IDs are not implemented, so
 * Linux must not rely on firmware mitigations (it reports them missing).
 */
static int64_t smccc_arch_features(uint32_t fid)
{
	switch (fid) {
	case SMCCC_VERSION:
	case SMCCC_ARCH_FEATURES:
		return 0;
	default:
		return SMC_UNKNOWN;
	}
}

static void smccc_arch_handle(struct smc_ctx *ctx)
{
	switch (smc_fid(ctx)) {
	case SMCCC_VERSION:
		smc_ret1(ctx, SMCCC_VERSION_1_1);
		break;
	case SMCCC_ARCH_FEATURES:
		smc_ret1(ctx, smccc_arch_features((uint32_t)smc_arg(ctx, 1)));
		break;
	default:
		smc_ret1(ctx, SMC_UNKNOWN);
		break;
	}
}

/**
 * smc_handle() - answer the SMC saved in @ctx.
 *
 * Called by arch/vectors.S on the calling CPU's stack with exceptions
 * masked. Results go back into @ctx; the vector restores it and erets.
 * Returns except for PSCI CPU_OFF, SYSTEM_OFF and SYSTEM_RESET.
 */
void smc_handle(struct smc_ctx *ctx)
{
	uint32_t fid = smc_fid(ctx);

	switch (SMC_OWNER(fid)) {
	case SMC_OWNER_ARCH:
		if (fid == SCM_FID_INTERRUPTED_REISSUE) {
			scm_handle(ctx);
			return;
		}
		if (fid & SMC_FAST) {
			smccc_arch_handle(ctx);
			return;
		}
		break;
	case SMC_OWNER_SIP:
		scm_handle(ctx);
		return;
	case SMC_OWNER_OEM:
		if ((fid & SMC_FAST) && smc_is_64(fid)) {
			mock_ctl_handle(ctx);
			return;
		}
		break;
	case SMC_OWNER_STD:
		if (fid & SMC_FAST) {
			psci_handle(ctx);
			return;
		}
		break;
	default:
		break;
	}
	smc_ret1(ctx, SMC_UNKNOWN);
}
