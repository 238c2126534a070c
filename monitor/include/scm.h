/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scm.h - Qualcomm Secure Channel Manager over SMC, as Linux 6.1's
 * drivers/firmware/qcom_scm-smc.c speaks it (see /work/shared/abi.md).
 */
#ifndef MONITOR_SCM_H
#define MONITOR_SCM_H

#include "smccc.h"

/* Function number = (svc << 8) | cmd, owner SiP. */
#define SCM_FN(svc, cmd)		((((svc) & 0xff) << 8) | ((cmd) & 0xff))
#define SCM_SIP				(SMC_OWNER_SIP << SMC_OWNER_SHIFT)
#define SCM_FID_FAST64(svc, cmd)	(SMC_FAST | SMC_64 | SCM_SIP | SCM_FN(svc, cmd))
#define SCM_FID_YIELD64(svc, cmd)	(SMC_64 | SCM_SIP | SCM_FN(svc, cmd))

/* x1 = arginfo: bits 3:0 argument count, then 2 bits of type per argument. */
#define SCM_ARGS(n)			((n) & 0xf)

/* Services and commands. */
#define SCM_SVC_INFO			0x06
#define SCM_INFO_IS_CALL_AVAIL		0x01

/* SCM status in x0 (Linux: drivers/firmware/qcom_scm.h). */
#define SCM_SUCCESS			0
#define SCM_ERROR			(-1)
#define SCM_EINVAL_ARG			(-2)
#define SCM_EINVAL_ADDR			(-3)
#define SCM_EOPNOTSUPP			(-4)
#define SCM_ENOMEM			(-5)
#define SCM_EBUSY			(-12)
#define SCM_INTERRUPTED			1
#define SCM_WAITQ_SLEEP			2

void scm_handle(struct smc_ctx *ctx);

#endif /* MONITOR_SCM_H */
