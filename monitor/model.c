// SPDX-License-Identifier: GPL-2.0
/*
 * model.c - what the parts of the SCM firmware model share: the lock,
 * the PRNG, fault decisions and the counters. State private to this file;
 * plain C, unit-tested on the host.
 */
#include "model.h"

#define PRNG_SEED_ZERO	0x9e3779b97f4a7c15ULL	/* xorshift must not start at 0 */
#define FAULT_BITS	32
#define SVC_COUNT	256

static uint32_t scm_lock_word;

static struct {
	uint64_t prng;
	uint32_t fault_chance[FAULT_BITS];	/* per fault bit: chances seen */
	uint64_t cnt[MOCK_CNT_LAST + 1];
	uint64_t cnt_svc[SVC_COUNT];
} model = { .prng = 1 };

void scm_lock(void)
{
	while (__atomic_exchange_n(&scm_lock_word, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&scm_lock_word, __ATOMIC_RELAXED))
			;
}

void scm_unlock(void)
{
	__atomic_store_n(&scm_lock_word, 0, __ATOMIC_RELEASE);
}

void model_reseed(uint64_t seed)
{
	model.prng = seed ? seed : PRNG_SEED_ZERO;
}

void model_reset(uint64_t seed)
{
	unsigned int i;

	/* Boot, or a host test starting over after an assertion left it taken. */
	__atomic_store_n(&scm_lock_word, 0, __ATOMIC_RELEASE);
	model_reseed(seed);
	for (i = 0; i < FAULT_BITS; i++)
		model.fault_chance[i] = 0;
	cnt_reset();
}

uint64_t model_prng(void)
{
	uint64_t x = model.prng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	model.prng = x;
	return x;
}

int model_fault(uint32_t fault)
{
	unsigned int bit = (unsigned int)__builtin_ctz(fault);
	uint32_t every = scenario()->fault_every ? scenario()->fault_every : 1;

	if (!(scenario()->faults & fault))
		return 0;
	if (++model.fault_chance[bit] % every)
		return 0;
	cnt_inc(MOCK_CNT_FAULTS);
	scm_trace("scm: fault 0x%x injected\n", (unsigned int)fault);
	return 1;
}

static int cnt_valid(uint32_t id)
{
	return id >= 1 && id <= MOCK_CNT_LAST;
}

void cnt_add(uint32_t id, uint64_t n)
{
	if (cnt_valid(id))
		model.cnt[id] += n;
}

void cnt_inc(uint32_t id)
{
	cnt_add(id, 1);
}

void cnt_max(uint32_t id, uint64_t v)
{
	if (cnt_valid(id) && v > model.cnt[id])
		model.cnt[id] = v;
}

uint64_t cnt_get(uint32_t id)
{
	return cnt_valid(id) ? model.cnt[id] : 0;
}

void cnt_svc_inc(uint8_t svc)
{
	model.cnt_svc[svc]++;
}

uint64_t cnt_svc_get(uint8_t svc)
{
	return model.cnt_svc[svc];
}

void cnt_reset(void)
{
	unsigned int i;

	for (i = 0; i <= MOCK_CNT_LAST; i++)
		model.cnt[i] = 0;
	for (i = 0; i < SVC_COUNT; i++)
		model.cnt_svc[i] = 0;
}
