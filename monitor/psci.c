// SPDX-License-Identifier: GPL-2.0
/*
 * psci.c - PSCI 1.0 for the QEMU virt CPUs: the per-CPU power state machine
 * and the mailbox that starts a parked CPU.
 *
 *   OFF --CPU_ON (caller)--> ON_PENDING --takes mailbox (target)--> ON
 *    ^                                                              |
 *    +-------------------------- CPU_OFF (target) ------------------+
 *
 * Each transition has exactly one owner, which is what makes the protocol
 * race-free without a lock:
 *  - OFF -> ON_PENDING is a compare-and-swap by whichever CPU calls CPU_ON;
 *    of two racing callers one wins, the other sees ON_PENDING (-5).
 *  - The winner then owns the mailbox until it publishes it with a
 *    store-release of @go; the target reads @go with load-acquire, so it
 *    never sees a half-written entry point.
 *  - Only the target itself moves ON_PENDING -> ON and ON -> OFF.
 *
 * Plain C with no hardware access (see plat.h), unit-tested on the host.
 */
#include "plat.h"
#include "platform.h"
#include "psci.h"

struct psci_cpu {
	uint32_t state;		/* PSCI_AFF_*, accessed with __atomic only */
	uint32_t go;		/* 1: entry/context_id valid for the target */
	uint64_t entry;		/* non-secure EL1 entry point of CPU_ON */
	uint64_t context_id;	/* x0 at that entry point */
};

static struct psci {
	unsigned int cpu_count;	/* CPUs the GIC reported, <= PLAT_MAX_CPUS */
	struct psci_cpu cpu[PLAT_MAX_CPUS];
} psci;

/**
 * psci_init() - reset the state machine before any CPU can call in.
 * @cpu_count: CPUs present; indices at or above it are "non-existent".
 * @boot_cpu: the CPU that boots Linux, the only one ON.
 */
void psci_init(unsigned int cpu_count, unsigned int boot_cpu)
{
	unsigned int i;

	if (cpu_count > PLAT_MAX_CPUS)
		cpu_count = PLAT_MAX_CPUS;
	psci.cpu_count = cpu_count;
	for (i = 0; i < PLAT_MAX_CPUS; i++) {
		psci.cpu[i].entry = 0;
		psci.cpu[i].context_id = 0;
		__atomic_store_n(&psci.cpu[i].go, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&psci.cpu[i].state,
				 i == boot_cpu ? PSCI_AFF_ON : PSCI_AFF_OFF,
				 __ATOMIC_RELEASE);
	}
}

unsigned int psci_cpu_count(void)
{
	return psci.cpu_count;
}

/**
 * psci_other_on_cpu() - a CPU other than @self that is ON, to hand per-CPU
 * duties (the secure timer) to when @self goes OFF.
 *
 * Return: the lowest such index, or -1 if @self was the last one ON.
 */
int psci_other_on_cpu(unsigned int self)
{
	unsigned int i;

	for (i = 0; i < psci.cpu_count; i++)
		if (i != self && __atomic_load_n(&psci.cpu[i].state, __ATOMIC_ACQUIRE) == PSCI_AFF_ON)
			return (int)i;
	return -1;
}

/* Linear index of a PSCI target_cpu, or -1 if no such CPU exists. */
static int psci_target_index(uint64_t mpidr)
{
	int idx;

	if (mpidr & ~MPIDR_AFF_MASK)	/* non-affinity bits must be zero */
		return -1;
	idx = plat_core_pos(mpidr);
	if (idx < 0 || (unsigned int)idx >= psci.cpu_count)
		return -1;
	return idx;
}

static int32_t psci_cpu_on(uint64_t target, uint64_t entry, uint64_t context_id)
{
	int idx = psci_target_index(target);
	struct psci_cpu *cpu;
	uint32_t expected = PSCI_AFF_OFF;

	if (idx < 0)
		return PSCI_INVALID_PARAMS;
	cpu = &psci.cpu[idx];

	if (!__atomic_compare_exchange_n(&cpu->state, &expected,
					 PSCI_AFF_ON_PENDING, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return expected == PSCI_AFF_ON ? PSCI_ALREADY_ON : PSCI_ON_PENDING;

	/* We own the mailbox until @go is published. */
	cpu->entry = entry;
	cpu->context_id = context_id;
	__atomic_store_n(&cpu->go, 1, __ATOMIC_RELEASE);
	plat_cpu_wake((unsigned int)idx);

	plat_log("psci: CPU_ON cpu%d entry 0x%llx context 0x%llx\n", idx,
		 (unsigned long long)entry, (unsigned long long)context_id);
	return PSCI_SUCCESS;
}

/**
 * psci_cpu_take_entry() - called by a parked CPU: has someone turned us on?
 * @idx: the calling CPU.
 * @entry, @context_id: filled in when returning true.
 *
 * Return: true once, for each CPU_ON; the CPU is then ON and must enter the
 * non-secure world at @entry with x0 = @context_id.
 */
bool psci_cpu_take_entry(unsigned int idx, uint64_t *entry, uint64_t *context_id)
{
	struct psci_cpu *cpu;

	if (idx >= psci.cpu_count)
		return false;
	cpu = &psci.cpu[idx];
	if (!__atomic_load_n(&cpu->go, __ATOMIC_ACQUIRE))
		return false;

	*entry = cpu->entry;
	*context_id = cpu->context_id;
	/* No CPU_ON can touch the mailbox again until we are OFF. */
	__atomic_store_n(&cpu->go, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&cpu->state, PSCI_AFF_ON, __ATOMIC_RELEASE);
	return true;
}

/*
 * CPU_OFF: mark ourselves OFF and park. Another CPU may CPU_ON us again as
 * soon as the store is visible, even before we reach the wait loop; that is
 * fine because the wait loop checks the mailbox before its first WFE.
 */
static int32_t psci_cpu_off(void)
{
	unsigned int idx = plat_my_cpu_index();

	if (idx >= psci.cpu_count)
		return PSCI_DENIED;
	plat_log("psci: CPU_OFF cpu%u\n", idx);
	__atomic_store_n(&psci.cpu[idx].state, PSCI_AFF_OFF, __ATOMIC_RELEASE);
	plat_cpu_park();
	/* Only reached if the platform could not park the CPU. */
	return PSCI_INTERNAL_FAILURE;
}

static int32_t psci_affinity_info(uint64_t target, uint64_t lowest_level)
{
	int idx;

	/* Only level 0 is supported: there is no cluster power state. */
	if (lowest_level != 0)
		return PSCI_INVALID_PARAMS;
	idx = psci_target_index(target);
	if (idx < 0)
		return PSCI_INVALID_PARAMS;
	return (int32_t)__atomic_load_n(&psci.cpu[idx].state, __ATOMIC_ACQUIRE);
}

/*
 * PSCI_FEATURES: 0 (no feature flags) for every implemented function.
 * SMCCC_VERSION is listed because Linux probes for it through PSCI_FEATURES
 * before it believes the firmware speaks SMCCC 1.1.
 */
static int32_t psci_features(uint32_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON:
	case PSCI_CPU_ON64:
	case PSCI_AFFINITY_INFO:
	case PSCI_AFFINITY_INFO64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

/**
 * psci_handle() - answer a fast call of the standard-service owner.
 *
 * Does not return to the caller's world for CPU_OFF, SYSTEM_OFF and
 * SYSTEM_RESET (on the host the plat mocks return, and the failure code
 * the firmware would never send is what the tests see).
 */
void psci_handle(struct smc_ctx *ctx)
{
	uint32_t fid = smc_fid(ctx);
	int64_t ret;

	switch (fid) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_0;
		break;
	case PSCI_CPU_ON:
	case PSCI_CPU_ON64:
		ret = psci_cpu_on(smc_arg(ctx, 1), smc_arg(ctx, 2), smc_arg(ctx, 3));
		break;
	case PSCI_CPU_OFF:
		ret = psci_cpu_off();
		break;
	case PSCI_AFFINITY_INFO:
	case PSCI_AFFINITY_INFO64:
		ret = psci_affinity_info(smc_arg(ctx, 1), smc_arg(ctx, 2));
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT_MP;
		break;
	case PSCI_SYSTEM_OFF:
		plat_log("psci: SYSTEM_OFF from cpu%u\n", plat_my_cpu_index());
		plat_system_off();
		ret = PSCI_INTERNAL_FAILURE;
		break;
	case PSCI_SYSTEM_RESET:
		plat_log("psci: SYSTEM_RESET from cpu%u\n", plat_my_cpu_index());
		plat_system_reset();
		ret = PSCI_INTERNAL_FAILURE;
		break;
	case PSCI_FEATURES:
		ret = psci_features((uint32_t)smc_arg(ctx, 1));
		break;
	default:
		ret = PSCI_NOT_SUPPORTED;
		break;
	}
	smc_ret1(ctx, ret);
}
