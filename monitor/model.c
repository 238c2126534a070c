// SPDX-License-Identifier: GPL-2.0
/*
 * model.c - what the parts of the SCM firmware model share: the lock,
 * the PRNG, fault decisions, the counters and the wake-to-resume samples.
 * State private to this file; plain C, unit-tested on the host.
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

/* Zero-initialised (bss, not flash): the first MOCK_SAMPLES_KEPT samples. */
static struct {
	uint32_t epoch;			/* of the marks: moved on by cnt_reset() */
	uint32_t ns[MOCK_SAMPLES_KEPT];
	uint8_t kind[MOCK_SAMPLES_KEPT];
} samples;

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
	/* The kept samples go with MOCK_CNT_SAMPLES; marks set before now with the epoch. */
	samples.epoch++;
}

void sample_mark_set(struct sample_mark *m, uint64_t at)
{
	m->at = at;
	m->epoch = samples.epoch;
	m->set = 1;
}

int sample_mark_pending(const struct sample_mark *m)
{
	return m->set && m->epoch == samples.epoch;
}

void sample_mark_take(struct sample_mark *m, uint32_t kind, uint64_t to)
{
	if (sample_mark_pending(m))
		sample_add(kind, m->at, to);
	m->set = 0;
}

void sample_add(uint32_t kind, uint64_t from, uint64_t to)
{
	uint64_t n = model.cnt[MOCK_CNT_SAMPLES];
	uint64_t ns = to > from ? plat_ticks_to_ns(to - from) : 0;

	if (n < MOCK_SAMPLES_KEPT) {
		samples.ns[n] = ns > UINT32_MAX ? UINT32_MAX : (uint32_t)ns;
		samples.kind[n] = (uint8_t)kind;
	}
	cnt_inc(MOCK_CNT_SAMPLES);
	scm_trace("scm: sample %u %llu ns\n", (unsigned int)kind, (unsigned long long)ns);
}

int sample_get(uint64_t i, uint32_t *ns, uint32_t *kind)
{
	if (i >= model.cnt[MOCK_CNT_SAMPLES] || i >= MOCK_SAMPLES_KEPT)
		return -1;
	*ns = samples.ns[i];
	*kind = samples.kind[i];
	return 0;
}
