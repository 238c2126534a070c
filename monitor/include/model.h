/* SPDX-License-Identifier: GPL-2.0 */
/*
 * model.h - what every part of the SCM firmware model shares (model.c):
 * the one lock, the PRNG, fault decisions and the counters. A leaf: it
 * calls nothing of the model's, so anything may use it.
 */
#ifndef MONITOR_MODEL_H
#define MONITOR_MODEL_H

#include <stdint.h>
#include "mock_ctl.h"
#include "plat.h"
#include "scenario.h"

/* One spinlock around the whole model: SMCs arrive on every CPU at once. */
void scm_lock(void);
void scm_unlock(void);

/* Counters, PRNG and fault chances back to zero; the lock free. */
void model_reset(uint64_t seed);
void model_reseed(uint64_t seed);

/* xorshift64: the contender's jitter and every random decision. */
uint64_t model_prng(void);

/*
 * Should @fault (one MOCK_FAULT_* bit) fire at this chance? An enabled
 * fault fires on every fault_every-th chance of its kind (1 = always).
 */
int model_fault(uint32_t fault);

/* Counters by MOCK_CNT_* id (1..MOCK_CNT_LAST), and calls per service. */
void cnt_inc(uint32_t id);
void cnt_add(uint32_t id, uint64_t n);
void cnt_max(uint32_t id, uint64_t v);
uint64_t cnt_get(uint32_t id);
void cnt_svc_inc(uint8_t svc);
uint64_t cnt_svc_get(uint8_t svc);
void cnt_reset(void);

/*
 * Wake-to-resume samples (GET_SAMPLE). A mark is the moment firmware let a
 * waiting call go on (a release, a wake); taking it at the moment that call
 * continues records the interval, in nanoseconds (u32, saturating), as one
 * sample of @kind (MOCK_SAMPLE_*). The first MOCK_SAMPLES_KEPT are kept;
 * counter MOCK_CNT_SAMPLES counts them all. cnt_reset() forgets the kept
 * samples and every mark set before it, so samples after a reset come only
 * from releases after it.
 */
struct sample_mark {
	uint64_t at;		/* plat_ticks() */
	uint32_t epoch;		/* cnt_reset()s seen when set: stale after the next */
	uint8_t set;
};

void sample_mark_set(struct sample_mark *m, uint64_t at);
int sample_mark_pending(const struct sample_mark *m);
/* A sample from @m to @to (plat_ticks()) when @m is pending; @m is then clear. */
void sample_mark_take(struct sample_mark *m, uint32_t kind, uint64_t to);
void sample_add(uint32_t kind, uint64_t from, uint64_t to);
/* Sample @i: 0, or -1 when fewer were kept. */
int sample_get(uint64_t i, uint32_t *ns, uint32_t *kind);

#define scm_trace(...)	do { if (scenario()->trace) plat_log(__VA_ARGS__); } while (0)

#endif /* MONITOR_MODEL_H */
