// SPDX-License-Identifier: GPL-2.0
/*
 * test_scm.c - the SiP owner: INFO/IS_CALL_AVAIL as Linux 6.1's qcom_scm
 * probe issues it, and everything else not supported.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "scm.h"

#define IS_CALL_AVAIL_FAST	0xc2000601
#define IS_CALL_AVAIL_YIELD	0x42000601
#define QUERY(svc, cmd)		((2U << 24) | ((svc) << 8) | (cmd))

static void test_fid_macros(void **state)
{
	(void)state;
	assert_int_equal(SCM_FID_FAST64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), IS_CALL_AVAIL_FAST);
	assert_int_equal(SCM_FID_YIELD64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), IS_CALL_AVAIL_YIELD);
}

/* Exactly the probe __get_convention() makes: x1 == 1 selects SMC64. */
static void test_probe_selects_smc64(void **state)
{
	struct smc_ctx ctx = mock_ctx(IS_CALL_AVAIL_FAST, SCM_ARGS(1), QUERY(0x06, 0x01), 0);

	(void)state;
	smc_handle(&ctx);
	assert_int_equal(ctx.x[0], SCM_SUCCESS);
	assert_int_equal(ctx.x[1], 1);
}

static void test_yielding_is_call_avail(void **state)
{
	struct smc_ctx ctx = mock_ctx(IS_CALL_AVAIL_YIELD, SCM_ARGS(1), QUERY(0x06, 0x01), 0);

	(void)state;
	smc_handle(&ctx);
	assert_int_equal(ctx.x[0], SCM_SUCCESS);
	assert_int_equal(ctx.x[1], 1);
}

static void test_unavailable_calls(void **state)
{
	static const uint32_t queries[] = {
		QUERY(0x01, 0x0a),	/* BOOT/SET_REMOTE_STATE */
		QUERY(0x02, 0x07),	/* PIL/PAS_IS_SUPPORTED */
		QUERY(0x05, 0x01),	/* IO/READ */
		QUERY(0x0c, 0x16),	/* MP/ASSIGN */
		QUERY(0x24, 0x03),	/* WAITQ/GET_WQ_CTX */
		QUERY(0x06, 0x02),
		(4U << 24) | 0x0601,	/* right number, wrong owner */
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct smc_ctx ctx = mock_ctx(IS_CALL_AVAIL_YIELD, SCM_ARGS(1), queries[i], 0);

		smc_handle(&ctx);
		assert_int_equal(ctx.x[0], SCM_SUCCESS);
		assert_int_equal(ctx.x[1], 0);
	}
}

static void test_bad_arginfo(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(IS_CALL_AVAIL_FAST, SCM_ARGS(0), QUERY(6, 1), 0), SCM_EINVAL_ARG);
	assert_int_equal(mock_smc(IS_CALL_AVAIL_FAST, SCM_ARGS(2), QUERY(6, 1), 0), SCM_EINVAL_ARG);
}

static void test_other_sip_calls_not_supported(void **state)
{
	static const uint32_t fids[] = {
		0x82000601, 0x02000601,	/* SMC32 IS_CALL_AVAIL: only SMC64 is offered */
		0x4200010a, 0x42000207, 0xc2000501, 0xc2000502,
		0x42000c16, 0x42001101, 0x42002402, 0xc2002403, 0xc2002404,
		0xc200ffff, 0x42000000,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++)
		assert_int_equal(mock_smc(fids[i], SCM_ARGS(1), 0, 0), SCM_EOPNOTSUPP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fid_macros),
		cmocka_unit_test(test_probe_selects_smc64),
		cmocka_unit_test(test_yielding_is_call_avail),
		cmocka_unit_test(test_unavailable_calls),
		cmocka_unit_test(test_bad_arginfo),
		cmocka_unit_test(test_other_sip_calls_not_supported),
	};

	return cmocka_run_group_tests_name("scm", tests, NULL, NULL);
}
