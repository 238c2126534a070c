/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scm_svc.h - the SCM services themselves (scm_svc.c): BOOT, PIL, IO,
 * MP/ASSIGN, HDCP. They run a decoded call to completion; when a call may
 * run is the wait-queue model's business, how it arrived the calling
 * convention's.
 */
#ifndef MONITOR_SCM_SVC_H
#define MONITOR_SCM_SVC_H

#include <stdint.h>
#include "scm_call.h"

void svc_reset(void);

/* Run @call (BOOT, PIL, IO, MP or HDCP) now; anything else answers -4. */
void svc_execute(const struct scm_call *call, struct scm_result *res);

/* Does @call take a firmware resource (BOOT, PIL, MP, HDCP)? */
int svc_needs_resource(const struct scm_call *call);

/* Live values for the counters. */
uint32_t svc_remote_state(unsigned int id);
uint64_t svc_assign_mask(void);

uint32_t scm_hdcp_hash(const uint64_t *args, unsigned int n);

#endif /* MONITOR_SCM_SVC_H */
