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

/*
 * x1 = arginfo: bits 3:0 argument count, then 2 bits of type per argument
 * from bit 4 up (Linux: QCOM_SCM_ARGS()).
 */
#define SCM_ARGS(n)			((n) & 0xf)
#define SCM_ARGINFO_COUNT(arginfo)	((arginfo) & 0xf)
#define SCM_ARG_VAL			0	/* a value */
#define SCM_ARG_RO			1	/* a read-only buffer's address */
#define SCM_ARG_RW			2	/* a read-write buffer's address */
#define SCM_ARG_BUFVAL			3	/* a buffer value */
#define SCM_ARG_AT(i, type)		((uint32_t)(type) << (4 + 2 * (i)))

#define SCM_FID_FAST32(svc, cmd)	(SMC_FAST | SCM_SIP | SCM_FN(svc, cmd))
#define SCM_FID_YIELD32(svc, cmd)	(SCM_SIP | SCM_FN(svc, cmd))
#define SCM_ARG_TYPE(arginfo, i)	(((arginfo) >> (4 + 2 * (i))) & 3)

/*
 * At most 10 arguments. Up to four travel in x2..x5; with more, x2..x4
 * carry arguments 0..2 and x5 the physical address of a buffer holding
 * arguments 3..N-1 (u64 each for SMC64, u32 for SMC32).
 */
#define SCM_MAX_ARGS			10
#define SCM_REG_ARGS			4
#define SCM_BUF_FIRST_ARG		3

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

/* The exact arginfo of each call, as Linux 6.1's qcom_scm.c passes it. */
#define SCM_ARGINFO_IS_CALL_AVAIL	SCM_ARGS(1)
#define SCM_ARGINFO_SET_REMOTE_STATE	SCM_ARGS(2)
#define SCM_ARGINFO_PAS_IS_SUPPORTED	SCM_ARGS(1)
#define SCM_ARGINFO_IO_READ		SCM_ARGS(1)
#define SCM_ARGINFO_IO_WRITE		SCM_ARGS(2)
#define SCM_ARGINFO_MP_ASSIGN		(SCM_ARGS(7) | SCM_ARG_AT(0, SCM_ARG_RO) | \
					 SCM_ARG_AT(2, SCM_ARG_RO) | SCM_ARG_AT(4, SCM_ARG_RO))
#define SCM_ARGINFO_HDCP_INVOKE		SCM_ARGS(10)
#define SCM_ARGINFO_RESUME		SCM_ARGS(1)
#define SCM_ARGINFO_GET_WQ_CTX		SCM_ARGS(0)
#define SCM_ARGINFO_GET_INFO		SCM_ARGS(0)

/* GET_INFO: x1 bits 7:0 = number of contexts, x2 bits 15:0 = wake INTID. */
#define SCM_WAITQ_INFO_COUNT_MASK	0xff
#define SCM_WAITQ_INFO_INTID_MASK	0xffff

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

struct scm_cfg;

/* scm.c: entry from smc.c, the model's set-up and its clock. */
void scm_handle(struct smc_ctx *ctx);
void scm_model_init(const struct scm_cfg *cfg);
uint64_t scm_tick(uint64_t now_us);

/* mock_ctl.c: the test-only control calls, entry from smc.c. */
void mock_ctl_handle(struct smc_ctx *ctx);

#endif /* MONITOR_SCM_H */
