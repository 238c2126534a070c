/* SPDX-License-Identifier: GPL-2.0 */
/*
 * smccc.h - SMC Calling Convention (Arm DEN0028) encoding and the saved
 * register context every SMC handler works on.
 */
#ifndef MONITOR_SMCCC_H
#define MONITOR_SMCCC_H

#include <stdint.h>
#include "platform.h"

/* Function ID fields (w0). */
#define SMC_FAST		(1U << 31)	/* fast (atomic) call; 0 = yielding */
#define SMC_64			(1U << 30)	/* SMC64; 0 = SMC32 */
#define SMC_OWNER_SHIFT		24
#define SMC_OWNER_MASK		0x3f
#define SMC_OWNER(fid)		(((fid) >> SMC_OWNER_SHIFT) & SMC_OWNER_MASK)
#define SMC_FUNC_MASK		0xffff

#define SMC_OWNER_ARCH		0	/* Arm architecture: SMCCC_VERSION ... */
#define SMC_OWNER_SIP		2	/* silicon provider: Qualcomm SCM */
#define SMC_OWNER_OEM		3	/* OEM: the mock's test-only control calls */
#define SMC_OWNER_STD		4	/* standard secure service: PSCI */

/* Arm architecture calls. */
#define SMCCC_VERSION		0x80000000
#define SMCCC_ARCH_FEATURES	0x80000001
#define SMCCC_ARCH_SOC_ID	0x80000002
#define SMCCC_ARCH_WORKAROUND_1	0x80008000
#define SMCCC_ARCH_WORKAROUND_2	0x80007fff
#define SMCCC_ARCH_WORKAROUND_3	0x80003fff
#define SMCCC_VERSION_1_1	0x10001

#define SMC_UNKNOWN		(-1)	/* NOT_SUPPORTED, for any owner */

/*
 * The lower EL's registers as the EL3 vector saved them (arch/vectors.S).
 * x[0] holds the function ID until a handler writes its results; x[1..7]
 * are arguments. The vector restores all of x0..x30 from here, so a handler
 * changes exactly the registers it returns: x0..x3 normally, x6 for an SCM
 * resume token. Everything else (x4..x17 per SMCCC) comes back untouched.
 */
struct smc_ctx {
	uint64_t x[31];
	uint64_t pad;		/* keeps the frame a multiple of 16 bytes */
};

_Static_assert(sizeof(struct smc_ctx) == PLAT_SMC_CTX_SIZE,
	       "PLAT_SMC_CTX_SIZE must match arch/vectors.S");

static inline uint32_t smc_fid(const struct smc_ctx *ctx)
{
	return (uint32_t)ctx->x[0];
}

static inline int smc_is_64(uint32_t fid)
{
	return (fid & SMC_64) != 0;
}

/**
 * smc_arg() - argument register @n of the call in @ctx.
 *
 * SMC32 callers only own w1..w7; the upper halves are not theirs to pass.
 * Read arguments before writing results: the width comes from x0.
 */
static inline uint64_t smc_arg(const struct smc_ctx *ctx, unsigned int n)
{
	uint64_t v = ctx->x[n];

	return smc_is_64(smc_fid(ctx)) ? v : (uint32_t)v;
}

/* Results in x0..x3; unused result registers read as zero. */
static inline void smc_ret(struct smc_ctx *ctx, int64_t x0, uint64_t x1,
			   uint64_t x2, uint64_t x3)
{
	ctx->x[0] = (uint64_t)x0;
	ctx->x[1] = x1;
	ctx->x[2] = x2;
	ctx->x[3] = x3;
}

static inline void smc_ret1(struct smc_ctx *ctx, int64_t x0)
{
	smc_ret(ctx, x0, 0, 0, 0);
}

void smc_handle(struct smc_ctx *ctx);

#endif /* MONITOR_SMCCC_H */
