// SPDX-License-Identifier: GPL-2.0
/*
 * test_smc.c - SMCCC dispatch: owner, fast and SMC64 bits, unknown IDs,
 * the Arm architecture calls, and which registers a call may change.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "psci.h"
#include "scm.h"
#include "smccc.h"

static int setup(void **state)
{
	(void)state;
	mock_cpu_index = 0;
	psci_init(4, 0);
	return 0;
}

static void test_unknown_owners_not_supported(void **state)
{
	static const uint32_t fids[] = {
		0x81000000, 0xc1000000,		/* CPU service */
		0x83000000, 0xc3000000,		/* OEM */
		0x85000000, 0xc5000000,		/* standard hypervisor */
		0x86000000, 0xc6000000,		/* vendor hypervisor */
		0xb0000000, 0xbf00ffff,		/* trusted apps */
		0xf2000000, 0xff00ffff,		/* trusted OS */
		0x01000000, 0x3f000000,		/* yielding, owner 1 and 63 */
		0xffffffff,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++)
		assert_int_equal(mock_smc(fids[i], 0, 0, 0), SMC_UNKNOWN);
}

static void test_owner_routes(void **state)
{
	(void)state;
	/* Owner 4 reaches PSCI, owner 0 the arch calls, owner 2 SCM. */
	assert_int_equal(mock_smc(PSCI_VERSION, 0, 0, 0), PSCI_VERSION_1_0);
	assert_int_equal(mock_smc(SMCCC_VERSION, 0, 0, 0), SMCCC_VERSION_1_1);
	assert_int_equal(mock_smc(0xc2000000, 0, 0, 0), SMC_UNKNOWN);
	/* Same function number, other owner: not PSCI. */
	assert_int_equal(mock_smc(PSCI_VERSION & ~(0x3fU << 24), 0, 0, 0),
			 SMCCC_VERSION_1_1);
	assert_int_equal(mock_smc((PSCI_VERSION & ~(0x3fU << 24)) | (3U << 24), 0, 0, 0),
			 SMC_UNKNOWN);
}

static void test_fast_bit(void **state)
{
	(void)state;
	/* Arm and standard owners have fast calls only. */
	assert_int_equal(mock_smc(PSCI_VERSION & ~SMC_FAST, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_VERSION & ~SMC_FAST, 0, 0, 0), SMC_UNKNOWN);
	/* SiP answers both: the yielding IS_CALL_AVAIL works. */
	assert_int_equal(mock_smc(SCM_FID_YIELD64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL),
				  SCM_ARGS(1), 0x02000601, 0), SCM_SUCCESS);
}

static void test_smc64_bit(void **state)
{
	(void)state;
	/* PSCI_VERSION only exists as SMC32; CPU_ON as both. */
	assert_int_equal(mock_smc(PSCI_VERSION | SMC_64, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_VERSION | SMC_64, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 0xff00, 0, 0), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_CPU_ON, 0xff00, 0, 0), PSCI_INVALID_PARAMS);
}

static void test_smc32_ignores_upper_halves(void **state)
{
	(void)state;
	/* w0 is the function ID: junk above it must not matter. */
	assert_int_equal(mock_smc(0xdead000000000000ULL | PSCI_VERSION, 0, 0, 0),
			 PSCI_VERSION_1_0);
	/* SMC32 AFFINITY_INFO: only w1 is the target. */
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO, 0xffffffff00000000ULL, 0, 0),
			 PSCI_AFF_ON);
	/* SMC64: the whole x1 counts, so the same value names no CPU. */
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0xffffffff00000000ULL, 0, 0),
			 PSCI_INVALID_PARAMS);
}

static void test_reserved_bits_unknown(void **state)
{
	(void)state;
	/* Bits 23:16 are zero in every ID we implement. */
	assert_int_equal(mock_smc(PSCI_VERSION | 0x10000, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_VERSION | 0x00ff0000, 0, 0, 0), SMC_UNKNOWN);
}

static void test_smccc_version(void **state)
{
	struct smc_ctx ctx = mock_ctx(SMCCC_VERSION, 1, 2, 3);

	(void)state;
	smc_handle(&ctx);
	assert_int_equal(ctx.x[0], 0x10001);
	assert_int_equal(ctx.x[1], 0);
	assert_int_equal(ctx.x[2], 0);
	assert_int_equal(ctx.x[3], 0);
}

static void test_arch_features(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, SMCCC_VERSION, 0, 0), 0);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, SMCCC_ARCH_FEATURES, 0, 0), 0);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, SMCCC_ARCH_SOC_ID, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_1, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_2, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_3, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, PSCI_VERSION, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(SMCCC_ARCH_FEATURES, 0x12345678, 0, 0), SMC_UNKNOWN);
	/* Calling a workaround directly is just an unknown ID. */
	assert_int_equal(mock_smc(SMCCC_ARCH_WORKAROUND_1, 0, 0, 0), SMC_UNKNOWN);
}

/* SMCCC: x4..x17 (and everything above) come back as they went in. */
static void test_preserves_registers(void **state)
{
	static const uint32_t fids[] = {
		PSCI_VERSION, SMCCC_VERSION, SMCCC_ARCH_FEATURES, 0xc5000000,
		SCM_FID_FAST64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), 0xc2000101,
	};
	unsigned int i, r;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		struct smc_ctx ctx = mock_ctx(fids[i], 1, 0x02000601, 0);

		smc_handle(&ctx);
		for (r = 4; r < 31; r++)
			assert_int_equal(ctx.x[r], 0x5a5a000000000000ULL | r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_unknown_owners_not_supported, setup),
		cmocka_unit_test_setup(test_owner_routes, setup),
		cmocka_unit_test_setup(test_fast_bit, setup),
		cmocka_unit_test_setup(test_smc64_bit, setup),
		cmocka_unit_test_setup(test_smc32_ignores_upper_halves, setup),
		cmocka_unit_test_setup(test_reserved_bits_unknown, setup),
		cmocka_unit_test_setup(test_smccc_version, setup),
		cmocka_unit_test_setup(test_arch_features, setup),
		cmocka_unit_test_setup(test_preserves_registers, setup),
	};

	return cmocka_run_group_tests_name("smc_dispatch", tests, NULL, NULL);
}
