/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scm_call.h - one SCM call as the calling convention (scm.c) decoded it,
 * and the answer a service, the wait-queue model or the convention gives.
 * Shared by scm.c, scm_svc.c and waitq.c; plain data, no functions but
 * the answer helper.
 */
#ifndef MONITOR_SCM_CALL_H
#define MONITOR_SCM_CALL_H

#include <stdint.h>
#include "scm.h"

#define SCM_RAW_REGS	6	/* x0..x5: what an INTERRUPTED reissue must repeat */

struct scm_call {
	uint32_t fid;
	uint8_t svc, cmd, nargs;
	uint8_t fast;		/* fast call (bit 31 of the function ID) */
	uint8_t smc64;		/* SMC64: buffer entries are u64, else u32 */
	uint32_t arginfo;
	uint64_t args[SCM_MAX_ARGS];
	uint64_t buf_pa;	/* the argument buffer (more than four arguments) */
	uint64_t raw[SCM_RAW_REGS];	/* x0..x5 as issued */
	uint64_t at;		/* plat_ticks() when its SMC arrived */
};

struct scm_result {
	int64_t x0;
	uint64_t x1, x2, x3;
	uint64_t x6;		/* resume token of an INTERRUPTED answer */
	int set_x6;
};

/* Answer x0..x3; x6 is left as the caller passed it. */
static inline void scm_result_set(struct scm_result *res, int64_t x0,
				  uint64_t x1, uint64_t x2, uint64_t x3)
{
	res->x0 = x0;
	res->x1 = x1;
	res->x2 = x2;
	res->x3 = x3;
	res->set_x6 = 0;
	res->x6 = 0;
}

#endif /* MONITOR_SCM_CALL_H */
