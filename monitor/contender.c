// SPDX-License-Identifier: GPL-2.0
/*
 * contender.c - the simulated second VM: when it makes its calls.
 *
 * Every resource r < K has a schedule of its own: every period_us (+- up
 * to jitter_us, from the seeded PRNG) the second VM makes a call that
 * needs r and keeps r for hold_us once it has it. The first call on r is
 * due r * period_us / K after the start, so the resources' holds are
 * spread over a period. Each resource is thus contended as much whatever
 * K is: K = 4 does not cut the load on a resource to a quarter. What
 * becomes of each call (it runs, parks, or is dropped) is the wait-queue
 * model's (waitq_vm2_call()). Driven by scm_tick(); plain C, unit-tested.
 */
#include "contender.h"
#include "model.h"
#include "waitq.h"

static struct {
	uint64_t next_call[SCM_MAX_K];	/* plat_now_us() of resource r's next call */
} vm2;

void contender_reset(void)
{
	unsigned int r;

	for (r = 0; r < SCM_MAX_K; r++)
		vm2.next_call[r] = 0;
}

void contender_restart(uint64_t now_us)
{
	const struct scm_cfg *cfg = scenario();
	unsigned int r;

	for (r = 0; r < SCM_MAX_K; r++)
		vm2.next_call[r] = now_us + (r < cfg->k ? (uint64_t)cfg->period_us * r / cfg->k : 0);
}

static uint64_t next_period(void)
{
	const struct scm_cfg *cfg = scenario();
	uint64_t period = cfg->period_us;

	if (cfg->jitter_us) {
		uint64_t j = model_prng() % (2ULL * cfg->jitter_us + 1);

		period = period + j > cfg->jitter_us ? period + j - cfg->jitter_us : 1;
	}
	return period;
}

uint64_t contender_tick(uint64_t now_us)
{
	const struct scm_cfg *cfg = scenario();
	uint64_t next = 0;
	unsigned int r;

	if (!cfg->period_us)
		return 0;
	for (r = 0; r < cfg->k; r++) {
		if (now_us >= vm2.next_call[r]) {
			waitq_vm2_call(r, cfg->hold_us, now_us);
			vm2.next_call[r] = now_us + next_period();
		}
		if (!next || vm2.next_call[r] < next)
			next = vm2.next_call[r];
	}
	return next;
}
