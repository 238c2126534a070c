/* SPDX-License-Identifier: GPL-2.0 */
/*
 * waitq.h - the wait-queue model (waitq.c): firmware resources, who holds
 * them, the calls parked on them (normal world's and the second VM's),
 * wait-queue contexts, wakes, GET_WQ_CTX and RESUME. It decides; the
 * calling convention (scm.c) asks and runs what it is told to run.
 */
#ifndef MONITOR_WAITQ_H
#define MONITOR_WAITQ_H

#include <stdint.h>
#include "scm_call.h"

#define SCM_PARK_SLOTS		64

enum waitq_verdict {
	WAITQ_RUN,		/* the call may run now (RESUME: *call filled in) */
	WAITQ_ANSWERED,		/* @res holds the answer: SLEEP, busy or an error */
};

void waitq_reset(void);

/* The resource call @call needs with K contexts (svc % K; hdcp_res=session: HDCP's session % K). */
uint32_t waitq_resource_of(const struct scm_call *call);

/* A normal-world call needing resource @r (mode waitq): run now or park. */
enum waitq_verdict waitq_enter(const struct scm_call *call, uint32_t r, struct scm_result *res);

/*
 * SLEEP for no reason of the resource's (faults fast-sleep and random):
 * parked and woken at once. @needs_res: the call also needs resource @r.
 */
enum waitq_verdict waitq_sleep_now(const struct scm_call *call, uint32_t r, int needs_res,
				   struct scm_result *res);

/* RESUME(@token) arriving at @at (plat_ticks()); WAITQ_RUN hands the parked call back in @call. */
enum waitq_verdict waitq_resume(uint64_t token, uint64_t at, struct scm_call *call,
				struct scm_result *res);

void waitq_get_wq_ctx(struct scm_result *res);

/* The second VM's call needing @r, holding it @hold_us once it has it. */
void waitq_vm2_call(uint32_t r, uint64_t hold_us, uint64_t now_us);

/* Resources held by hand (control HOLD/RELEASE) and by the second VM. */
int waitq_held(uint32_t r);
uint32_t waitq_held_mask(void);
void waitq_hold(uint32_t r);
void waitq_release(uint32_t r);
/* The second VM gives up: its parked calls dropped, every resource freed. */
void waitq_release_all(void);

/* mode=busy: a call needing @r arrived at @at; 1 when @r is held (answer -12). */
int waitq_busy_enter(uint32_t r, uint64_t at);
/* plat_ticks() of @r's last release (the end of a spin's wait). */
uint64_t waitq_released_at(uint32_t r);

/* Second-VM holds that ended and woken calls that expired; next deadline or 0. */
uint64_t waitq_tick(uint64_t now_us);

/* Normal-world calls parked now. */
uint32_t waitq_parked_count(void);
/* Anything parked or held: K and the model must not change. */
int waitq_in_use(void);

#endif /* MONITOR_WAITQ_H */
