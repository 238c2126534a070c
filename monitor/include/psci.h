/* SPDX-License-Identifier: GPL-2.0 */
/*
 * psci.h - PSCI 1.0 (Arm DEN0022) subset: enough for Linux to bring CPUs up
 * and down and to power the machine off.
 */
#ifndef MONITOR_PSCI_H
#define MONITOR_PSCI_H

#include <stdbool.h>
#include <stdint.h>
#include "smccc.h"

#define PSCI_VERSION		0x84000000
#define PSCI_CPU_SUSPEND	0x84000001	/* not implemented */
#define PSCI_CPU_SUSPEND64	0xc4000001	/* not implemented */
#define PSCI_CPU_OFF		0x84000002
#define PSCI_CPU_ON		0x84000003
#define PSCI_CPU_ON64		0xc4000003
#define PSCI_AFFINITY_INFO	0x84000004
#define PSCI_AFFINITY_INFO64	0xc4000004
#define PSCI_MIGRATE_INFO_TYPE	0x84000006
#define PSCI_SYSTEM_OFF		0x84000008
#define PSCI_SYSTEM_RESET	0x84000009
#define PSCI_FEATURES		0x8400000a

#define PSCI_VERSION_1_0	0x10000
#define PSCI_TOS_NOT_PRESENT_MP	2		/* MIGRATE_INFO_TYPE: no trusted OS */

/* Return codes. */
#define PSCI_SUCCESS		0
#define PSCI_NOT_SUPPORTED	(-1)
#define PSCI_INVALID_PARAMS	(-2)
#define PSCI_DENIED		(-3)
#define PSCI_ALREADY_ON		(-4)
#define PSCI_ON_PENDING		(-5)
#define PSCI_INTERNAL_FAILURE	(-6)

/* AFFINITY_INFO answers; also the per-CPU state the monitor keeps. */
#define PSCI_AFF_ON		0
#define PSCI_AFF_OFF		1
#define PSCI_AFF_ON_PENDING	2

void psci_init(unsigned int cpu_count, unsigned int boot_cpu);
void psci_handle(struct smc_ctx *ctx);
bool psci_cpu_take_entry(unsigned int idx, uint64_t *entry, uint64_t *context_id);
unsigned int psci_cpu_count(void);
int psci_other_on_cpu(unsigned int self);

#endif /* MONITOR_PSCI_H */
