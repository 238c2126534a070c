// SPDX-License-Identifier: GPL-2.0
/*
 * test_psci.c - the PSCI state machine through the SMC dispatcher, with
 * four CPUs of which CPU 0 booted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "psci.h"

#define ENTRY	0x40280000ULL
#define CTXID	0x1234abcdULL

static int setup(void **state)
{
	(void)state;
	mock_cpu_index = 0;
	psci_init(4, 0);
	return 0;
}

/* CPU_ON that must succeed and wake @idx. */
static void cpu_on_ok(uint32_t fid, uint64_t mpidr, unsigned int idx)
{
	expect_value(plat_cpu_wake, idx, idx);
	assert_int_equal(mock_smc(fid, mpidr, ENTRY, CTXID), PSCI_SUCCESS);
}

/* The target CPU picks up its mailbox, as cpu_park() would. */
static void cpu_arrives(unsigned int idx)
{
	uint64_t entry = 0, ctxid = 0;

	assert_true(psci_cpu_take_entry(idx, &entry, &ctxid));
	assert_int_equal(entry, ENTRY);
	assert_int_equal(ctxid, CTXID);
}

static void test_version(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(PSCI_VERSION, 0, 0, 0), 0x10000);
}

static void test_features(void **state)
{
	static const uint32_t implemented[] = {
		PSCI_VERSION, PSCI_CPU_OFF, PSCI_CPU_ON, PSCI_CPU_ON64,
		PSCI_AFFINITY_INFO, PSCI_AFFINITY_INFO64, PSCI_MIGRATE_INFO_TYPE,
		PSCI_SYSTEM_OFF, PSCI_SYSTEM_RESET, PSCI_FEATURES, SMCCC_VERSION,
	};
	static const uint32_t missing[] = {
		PSCI_CPU_SUSPEND, PSCI_CPU_SUSPEND64, 0x84000005 /* MIGRATE */,
		0x84000007 /* MIGRATE_INFO_UP_CPU */, 0x8400000c /* CPU_DEFAULT_SUSPEND */,
		0x8400000e /* SYSTEM_SUSPEND */, 0xc400000e, 0x84000012 /* SYSTEM_RESET2 */,
		PSCI_VERSION | SMC_64, SMCCC_ARCH_FEATURES, SMCCC_ARCH_WORKAROUND_1,
		0xdeadbeef,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++)
		assert_int_equal(mock_smc(PSCI_FEATURES, implemented[i], 0, 0), 0);
	for (i = 0; i < sizeof(missing) / sizeof(missing[0]); i++)
		assert_int_equal(mock_smc(PSCI_FEATURES, missing[i], 0, 0), PSCI_NOT_SUPPORTED);
}

static void test_unimplemented_calls(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(PSCI_CPU_SUSPEND, 0, 0, 0), PSCI_NOT_SUPPORTED);
	assert_int_equal(mock_smc(0x84000007, 0, 0, 0), PSCI_NOT_SUPPORTED);
	assert_int_equal(mock_smc(0x8400001f, 0, 0, 0), PSCI_NOT_SUPPORTED);
}

static void test_migrate_info_type(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(PSCI_MIGRATE_INFO_TYPE, 0, 0, 0), 2);
}

static void test_affinity_info_initial(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0, 0, 0), PSCI_AFF_ON);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 1, 0, 0), PSCI_AFF_OFF);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO, 3, 0, 0), PSCI_AFF_OFF);
}

static void test_affinity_info_invalid(void **state)
{
	(void)state;
	/* Only level 0 is supported. */
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0, 1, 0), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0, 2, 0), PSCI_INVALID_PARAMS);
	/* CPU 4 does not exist with four CPUs, nor does cluster 1 or Aff2/Aff3. */
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 4, 0, 0), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0x100, 0, 0), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0x10000, 0, 0), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0x100000000ULL, 0, 0), PSCI_INVALID_PARAMS);
}

static void test_cpu_on_lifecycle(void **state)
{
	(void)state;
	cpu_on_ok(PSCI_CPU_ON64, 1, 1);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 1, 0, 0), PSCI_AFF_ON_PENDING);
	/* Not there yet: a second CPU_ON must neither succeed nor wake it again. */
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 1, ENTRY, CTXID), PSCI_ON_PENDING);

	cpu_arrives(1);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 1, 0, 0), PSCI_AFF_ON);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 1, ENTRY, CTXID), PSCI_ALREADY_ON);
	/* The mailbox is consumed exactly once. */
	{
		uint64_t e, c;

		assert_false(psci_cpu_take_entry(1, &e, &c));
	}
}

static void test_cpu_on_self_and_boot_cpu(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 0, ENTRY, CTXID), PSCI_ALREADY_ON);
	assert_int_equal(mock_smc(PSCI_CPU_ON, 0, ENTRY, CTXID), PSCI_ALREADY_ON);
}

static void test_cpu_on_smc32(void **state)
{
	(void)state;
	/* SMC32: only w1..w3 count. */
	expect_value(plat_cpu_wake, idx, 2);
	assert_int_equal(mock_smc(PSCI_CPU_ON, 0xffffffff00000002ULL,
				  0xffffffff00000000ULL | ENTRY, CTXID), PSCI_SUCCESS);
	cpu_arrives(2);
}

static void test_cpu_on_invalid(void **state)
{
	(void)state;
	/* Non-existent CPUs: no wake may happen (the mock would fail). */
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 4, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 7, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 0x10, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 0x101, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 0x10001, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	/* Bits outside the affinity fields must be zero. */
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 0x80000001, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 1ULL << 40 | 1, ENTRY, CTXID), PSCI_INVALID_PARAMS);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 1, 0, 0), PSCI_AFF_OFF);
}

static void test_cpu_off(void **state)
{
	(void)state;
	cpu_on_ok(PSCI_CPU_ON64, 3, 3);
	cpu_arrives(3);

	/* CPU 3 turns itself off: it is parked and reads as OFF. */
	mock_cpu_index = 3;
	expect_function_call(plat_cpu_park);
	assert_int_equal(mock_smc(PSCI_CPU_OFF, 0, 0, 0), PSCI_INTERNAL_FAILURE);
	mock_cpu_index = 0;
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 3, 0, 0), PSCI_AFF_OFF);

	/* And can be turned on again, with the new mailbox. */
	cpu_on_ok(PSCI_CPU_ON64, 3, 3);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 3, 0, 0), PSCI_AFF_ON_PENDING);
	cpu_arrives(3);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 3, 0, 0), PSCI_AFF_ON);
}

static void test_cpu_off_boot_cpu(void **state)
{
	(void)state;
	expect_function_call(plat_cpu_park);
	mock_smc(PSCI_CPU_OFF, 0, 0, 0);
	assert_int_equal(mock_smc(PSCI_AFFINITY_INFO64, 0, 0, 0), PSCI_AFF_OFF);
}

/*
 * Who takes over per-CPU duties (the secure timer that drives the second
 * VM) from a CPU going OFF: a CPU that is ON, never one pending or OFF.
 */
static void test_other_on_cpu(void **state)
{
	(void)state;
	assert_int_equal(psci_other_on_cpu(0), -1);	/* CPU 0 is the only one */
	assert_int_equal(psci_other_on_cpu(1), 0);
	cpu_on_ok(PSCI_CPU_ON64, 2, 2);
	assert_int_equal(psci_other_on_cpu(0), -1);	/* 2 is only ON_PENDING */
	cpu_arrives(2);
	assert_int_equal(psci_other_on_cpu(0), 2);
	assert_int_equal(psci_other_on_cpu(2), 0);
	mock_cpu_index = 2;
	expect_function_call(plat_cpu_park);
	mock_smc(PSCI_CPU_OFF, 0, 0, 0);
	mock_cpu_index = 0;
	assert_int_equal(psci_other_on_cpu(0), -1);
}

static void test_take_entry_without_cpu_on(void **state)
{
	uint64_t e, c;

	(void)state;
	assert_false(psci_cpu_take_entry(1, &e, &c));
	assert_false(psci_cpu_take_entry(4, &e, &c));	/* beyond cpu_count */
	assert_false(psci_cpu_take_entry(1000, &e, &c));
}

static void test_system_off_reset(void **state)
{
	(void)state;
	expect_function_call(plat_system_off);
	assert_int_equal(mock_smc(PSCI_SYSTEM_OFF, 0, 0, 0), PSCI_INTERNAL_FAILURE);
	expect_function_call(plat_system_reset);
	assert_int_equal(mock_smc(PSCI_SYSTEM_RESET, 0, 0, 0), PSCI_INTERNAL_FAILURE);
}

static void test_init_clamps_cpu_count(void **state)
{
	(void)state;
	psci_init(100, 0);
	assert_int_equal(psci_cpu_count(), 8);
	expect_value(plat_cpu_wake, idx, 7);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 7, ENTRY, CTXID), PSCI_SUCCESS);
	assert_int_equal(mock_smc(PSCI_CPU_ON64, 8, ENTRY, CTXID), PSCI_INVALID_PARAMS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_version, setup),
		cmocka_unit_test_setup(test_features, setup),
		cmocka_unit_test_setup(test_unimplemented_calls, setup),
		cmocka_unit_test_setup(test_migrate_info_type, setup),
		cmocka_unit_test_setup(test_affinity_info_initial, setup),
		cmocka_unit_test_setup(test_affinity_info_invalid, setup),
		cmocka_unit_test_setup(test_cpu_on_lifecycle, setup),
		cmocka_unit_test_setup(test_cpu_on_self_and_boot_cpu, setup),
		cmocka_unit_test_setup(test_cpu_on_smc32, setup),
		cmocka_unit_test_setup(test_cpu_on_invalid, setup),
		cmocka_unit_test_setup(test_cpu_off, setup),
		cmocka_unit_test_setup(test_cpu_off_boot_cpu, setup),
		cmocka_unit_test_setup(test_other_on_cpu, setup),
		cmocka_unit_test_setup(test_take_entry_without_cpu_on, setup),
		cmocka_unit_test_setup(test_system_off_reset, setup),
		cmocka_unit_test_setup(test_init_clamps_cpu_count, setup),
	};

	return cmocka_run_group_tests_name("psci", tests, NULL, NULL);
}
