/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scenario.h - what kind of firmware to be (scenario.c): the scenario
 * string, the live configuration every part of the model reads, and the
 * read-only device-tree lookups the boot needs.
 */
#ifndef MONITOR_SCENARIO_H
#define MONITOR_SCENARIO_H

#include <stddef.h>
#include <stdint.h>
#include "mock_ctl.h"
#include "nsmem.h"

#define SCM_MAX_K		16	/* wait-queue contexts / resources */
#define SCM_WAKE_INTID_DEFAULT	42	/* SPI 10, unused by the virt board */
#define SCM_WAKE_INTID_MIN	32	/* SPIs only */
#define SCM_WAKE_INTID_MAX	1019
#define SCM_FAULT_EVERY_DEFAULT	3
#define SCM_FAULT_EVERY_MAX	1000000
#define SCM_TIME_MAX_US		60000000	/* a minute: anything longer is a typo */
#define SCM_ABANDON_US_DEFAULT	1000000		/* 1 s after its wake */

struct scm_cfg {
	uint32_t mode;		/* MOCK_MODE_* */
	uint32_t k;		/* wait-queue contexts, and resources, 1..16 */
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
	uint32_t wq_model;	/* MOCK_WQ_MODEL_* */
	uint32_t abandon_us;	/* a woken call never resumed expires; 0 never */
	uint32_t avail_waitq;	/* IS_CALL_AVAIL tells the truth about WAITQ */
	uint32_t unknown_answer; /* MOCK_UNKNOWN_* */
	uint32_t mock_ctl;	/* the OEM control calls answer */
	uint32_t contend;	/* MOCK_CONTEND_*: when the second VM calls */
	uint32_t hdcp_res;	/* MOCK_HDCP_RES_*: the resource an HDCP call needs */
};

#define MOCK_FAULT_ALL		((MOCK_FAULT_RANDOM << 1) - 1)

/*
 * Qualcomm's published multi-waitqueue semantics: a context per parked
 * call, K = 1, WAKE_ONE, GET_INFO, SMC64, unknown calls -1, no contender,
 * no faults, trace off, control calls on; a periodic second VM (when
 * period_us says so), HDCP on resource svc % K.
 */
#define SCM_CFG_DEFAULT {						\
	.mode = MOCK_MODE_WAITQ, .k = 1, .wake_all = 0, .get_info = 1,	\
	.smc64 = 1, .hold_us = 10000, .period_us = 0, .jitter_us = 0,	\
	.seed = 1, .faults = 0, .fault_every = SCM_FAULT_EVERY_DEFAULT,	\
	.trace = 0, .irq_random = 0, .wake_intid = SCM_WAKE_INTID_DEFAULT, \
	.wq_model = MOCK_WQ_MODEL_CALL, .abandon_us = SCM_ABANDON_US_DEFAULT, \
	.avail_waitq = 1, .unknown_answer = MOCK_UNKNOWN_SMCCC, .mock_ctl = 1, \
	.contend = MOCK_CONTEND_PERIODIC, .hdcp_res = MOCK_HDCP_RES_SVC,	\
}

/* Pure functions on a configuration (the string and MOCK_CTL_SET share them). */
void scm_cfg_defaults(struct scm_cfg *cfg);
int scm_cfg_parse(struct scm_cfg *cfg, const char *s, char *ignored, size_t room);
int scm_cfg_set(struct scm_cfg *cfg, uint32_t key, uint64_t value);
int scm_cfg_get(const struct scm_cfg *cfg, uint32_t key, uint64_t *value);

/* The live configuration: read by every part, changed only through these. */
const struct scm_cfg *scenario(void);
void scenario_load(const struct scm_cfg *cfg);
int scenario_set(uint32_t key, uint64_t value);

/*
 * The mode in effect: mode=waitq with smc64=0 behaves as mode=busy. The
 * wait-queue calls are SMC64 only (RESUME included), so firmware that
 * refuses SMC64 must never answer SLEEP to a caller that cannot resume.
 */
uint32_t scenario_mode(void);

/* Read-only FDT lookups; @max bounds every read (the blob is untrusted). */
const char *fdt_chosen_prop(const uint8_t *fdt, size_t max, const char *name, uint32_t *len);
unsigned int fdt_memory(const uint8_t *fdt, size_t max, struct ns_range *out, unsigned int n);

#endif /* MONITOR_SCENARIO_H */
