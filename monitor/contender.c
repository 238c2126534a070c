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
 *
 * contend=each replaces the schedule: right after every normal-world call
 * that ran on r (scm.c: contender_ran()), the second VM takes r for
 * hold_us (+- up to jitter_us), so every normal-world call meets a hold;
 * period_us is not used.
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

/* @base +- up to jitter_us from the PRNG, at least @least. */
static uint64_t jittered(uint64_t base, uint64_t least)
{
	uint64_t jitter = scenario()->jitter_us, j;

	if (!jitter)
		return base;
	j = model_prng() % (2 * jitter + 1);
	return base + j > jitter + least ? base + j - jitter : least;
}

static uint64_t next_period(void)
{
	return jittered(scenario()->period_us, 1);
}

int contender_ran(uint32_t r)
{
	const struct scm_cfg *cfg = scenario();

	if (cfg->contend != MOCK_CONTEND_EACH || r >= cfg->k || waitq_held(r))
		return 0;
	waitq_vm2_call(r, jittered(cfg->hold_us, 0), plat_now_us());
	return 1;
}

uint64_t contender_tick(uint64_t now_us)
{
	const struct scm_cfg *cfg = scenario();
	uint64_t next = 0;
	unsigned int r;

	if (!cfg->period_us || cfg->contend == MOCK_CONTEND_EACH)
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
