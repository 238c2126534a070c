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

#define SCM_FID_FAST32(svc, cmd)	(SMC_FAST | SCM_SIP | SCM_FN(svc, cmd))
#define SCM_FID_YIELD32(svc, cmd)	(SCM_SIP | SCM_FN(svc, cmd))
#define SCM_ARG_TYPE(arginfo, i)	(((arginfo) >> (4 + 2 * (i))) & 3)

/* x0 of a reissued INTERRUPTED call (Linux: x0 = 1, x6 = token). */
#define SCM_FID_INTERRUPTED_REISSUE	1

/* Services and commands. */
#define SCM_SVC_BOOT			0x01
#define SCM_BOOT_SET_REMOTE_STATE	0x0a
#define SCM_SVC_PIL			0x02
#define SCM_PIL_PAS_IS_SUPPORTED	0x07
#define SCM_SVC_IO			0x05
#define SCM_IO_READ			0x01
#define SCM_IO_WRITE			0x02
#define SCM_SVC_INFO			0x06
#define SCM_INFO_IS_CALL_AVAIL		0x01
#define SCM_SVC_MP			0x0c
#define SCM_MP_ASSIGN			0x16
#define SCM_SVC_HDCP			0x11
#define SCM_HDCP_INVOKE			0x01
#define SCM_SVC_WAITQ			0x24
#define SCM_WAITQ_RESUME		0x02
#define SCM_WAITQ_GET_WQ_CTX		0x03
#define SCM_WAITQ_GET_INFO		0x04

#define SCM_WAITQ_FLAG_WAKE_ONE		(1U << 0)
#define SCM_WAITQ_FLAG_WAKE_ALL		(1U << 1)

/* Normal-world RAM that argument and ASSIGN buffers must lie in. */
#define SCM_NS_RAM_BASE			0x40000000ULL
#define SCM_NS_RAM_END			0x80000000ULL

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
