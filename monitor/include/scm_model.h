/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scm_model.h - the mock SCM firmware's state and the interfaces between
 * its parts (scm.c calling convention and services, waitq.c resources and
 * wait queues, scenario.c configuration, mock_ctl.c control calls).
 *
 * Everything here is plain C with no hardware access: hardware is reached
 * only through plat.h, so the whole model runs in the host unit tests.
 */
#ifndef MONITOR_SCM_MODEL_H
#define MONITOR_SCM_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "mock_ctl.h"
#include "smccc.h"

#define SCM_MAX_ARGS		10
#define SCM_MAX_K		16
#define SCM_PARK_SLOTS		64
#define SCM_WAKE_INTID_DEFAULT	42	/* SPI 10, unused by the virt board */
#define SCM_FAULT_EVERY_DEFAULT	3

/* Scenario: what kind of firmware to be (see MODES.md). */
struct scm_cfg {
	uint32_t mode;		/* MOCK_MODE_* */
	uint32_t k;		/* wait-queue contexts = resources, 1..16 */
	uint32_t wake_all;	/* GET_WQ_CTX flags: 0 WAKE_ONE, 1 WAKE_ALL */
	uint32_t get_info;	/* GET_INFO implemented */
	uint32_t smc64;		/* SMC64 SiP calls accepted */
	uint32_t hold_us;	/* contender */
	uint32_t period_us;	/* 0 = contender off */
	uint32_t jitter_us;
	uint64_t seed;
	uint32_t faults;	/* MOCK_FAULT_* */
	uint32_t fault_every;	/* a fault fires on every Nth chance, >= 1 */
	uint32_t trace;
	uint32_t irq_random;	/* INTERRUPTED at random points */
	uint32_t wake_intid;
};

/*
 * The seed's firmware: wait-queue aware, one context, WAKE_ONE, GET_INFO,
 * SMC64, no contender (period 0), no faults, trace off.
 */
#define SCM_CFG_DEFAULT {						\
	.mode = MOCK_MODE_WAITQ, .k = 1, .wake_all = 0, .get_info = 1,	\
	.smc64 = 1, .hold_us = 10000, .period_us = 0, .jitter_us = 0,	\
	.seed = 1, .faults = 0, .fault_every = SCM_FAULT_EVERY_DEFAULT,	\
	.trace = 0, .irq_random = 0, .wake_intid = SCM_WAKE_INTID_DEFAULT, \
}

/* A decoded SCM call, as parked or interrupted. */
struct scm_call {
	uint32_t fid;
	uint8_t svc, cmd, nargs, fast;
	uint32_t arginfo;
	uint64_t args[SCM_MAX_ARGS];
	uint64_t raw[6];	/* x0..x5 as issued, for INTERRUPTED reissue checks */
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

enum scm_slot_kind { SLOT_FREE = 0, SLOT_PARKED, SLOT_INTERRUPTED };

struct scm_slot {
	uint32_t kind;		/* enum scm_slot_kind */
	uint32_t wq_ctx;
	uint64_t token;		/* smc_call_ctx or INTERRUPTED resume token */
	struct scm_call call;
};

struct scm_state {
	struct scm_cfg cfg;
	uint64_t prng;
	/* Resources: held by the simulated second VM. */
	uint32_t held;		/* bit r: resource r held */
	uint32_t wakeable;	/* bit c: context c signalled, not yet fetched */
	uint32_t token_gen;
	struct scm_slot slot[SCM_PARK_SLOTS];
	/* Contender schedule, in microseconds of plat_now_us(). */
	int contender_holding;
	uint32_t contender_res;
	uint64_t contender_next;	/* next take */
	uint64_t contender_until;	/* release of the current hold */
	uint32_t fault_chance[16];	/* per fault bit: chances seen */
	/* Services. */
	uint32_t remote_state[16];	/* BOOT/SET_REMOTE_STATE by id (0..15) */
	uint32_t io_addr[32];
	uint32_t io_val[32];
	uint32_t io_used;
	uint32_t assign_owner_mask;	/* last ASSIGN's destination vmid mask */
	/* Counters (MOCK_CNT_*). */
	uint64_t cnt[16];
	uint64_t cnt_svc[256];
};

extern struct scm_state scm_st;

/* scenario.c */
void scm_cfg_defaults(struct scm_cfg *cfg);
int scm_cfg_parse(struct scm_cfg *cfg, const char *s);
int scm_cfg_set(struct scm_cfg *cfg, uint32_t key, uint64_t value);
int scm_cfg_get(const struct scm_cfg *cfg, uint32_t key, uint64_t *value);
const char *fdt_chosen_prop(const uint8_t *fdt, size_t max, const char *name, uint32_t *len);

/* waitq.c */
void scm_model_init(const struct scm_cfg *cfg);
uint64_t scm_prng(void);
int scm_fault(uint32_t fault);
uint32_t scm_resource_of(const struct scm_call *call);
int scm_needs_resource(const struct scm_call *call);
int scm_resource_wait(struct scm_call *call, struct scm_result *res);
void waitq_resume(uint64_t token, struct scm_result *res);
void waitq_get_wq_ctx(struct scm_result *res);
void waitq_fast_sleep(const struct scm_call *call, struct scm_result *res);
int waitq_park(const struct scm_call *call, uint32_t ctx, struct scm_result *res);
void waitq_hold(uint32_t r);
void waitq_release(uint32_t r);
void waitq_release_all(void);
uint32_t waitq_parked_count(void);
uint64_t contender_tick(uint64_t now_us);
int scm_interrupt_maybe(const struct scm_call *call, struct scm_result *res);
void scm_interrupted_resume(struct smc_ctx *ctx);

/* scm.c */
void scm_execute(const struct scm_call *call, struct scm_result *res);
void scm_run_reissued(struct scm_call *call, struct smc_ctx *ctx);
uint32_t scm_hdcp_hash(const uint64_t *args, unsigned int n);

/* mock_ctl.c */
void mock_ctl_handle(struct smc_ctx *ctx);

/* One spinlock around all of the above: SMCs arrive on every CPU at once. */
void scm_lock(void);
void scm_unlock(void);

#define scm_trace(...)	do { if (scm_st.cfg.trace) plat_log(__VA_ARGS__); } while (0)

#endif /* MONITOR_SCM_MODEL_H */
