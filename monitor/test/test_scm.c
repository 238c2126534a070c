// SPDX-License-Identifier: GPL-2.0
/*
 * test_scm.c - the SCM calling convention and the services: probe,
 * IS_CALL_AVAIL, SMC64/SMC32 and the x5 argument buffer, the exact
 * arginfo of every call, normal RAM from the device tree, BOOT, PIL, IO,
 * HDCP, MP/ASSIGN validation, the unknown-call answer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "nsmem.h"
#include "scm.h"
#include "scm_svc.h"

#define IS_CALL_AVAIL_FAST	0xc2000601
#define IS_CALL_AVAIL_YIELD	0x42000601
#define QUERY(svc, cmd)		((2U << 24) | ((svc) << 8) | (cmd))
#define BUF			(MOCK_NS_BASE + 0x100)

#define set_key		mock_set

/* Issue one call with x1..x5; the whole context comes back. */
static struct smc_ctx call5(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
			    uint64_t a4, uint64_t a5)
{
	struct smc_ctx ctx = mock_ctx(fid, a1, a2, a3);

	ctx.x[4] = a4;
	ctx.x[5] = a5;
	smc_handle(&ctx);
	return ctx;
}

static void test_fid_macros(void **state)
{
	(void)state;
	assert_int_equal(SCM_FID_FAST64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), IS_CALL_AVAIL_FAST);
	assert_int_equal(SCM_FID_YIELD64(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), IS_CALL_AVAIL_YIELD);
	assert_int_equal(SCM_FID_FAST32(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), 0x82000601);
	assert_int_equal(SCM_FID_YIELD32(SCM_SVC_INFO, SCM_INFO_IS_CALL_AVAIL), 0x02000601);
}

/* Exactly the probe __get_convention() makes: x1 == 1 selects SMC64. */
static void test_probe_selects_smc64(void **state)
{
	struct smc_ctx ctx = mock_ctx(IS_CALL_AVAIL_FAST, SCM_ARGS(1), QUERY(0x06, 0x01), 0);

	(void)state;
	smc_handle(&ctx);
	assert_int_equal(ctx.x[0], SCM_SUCCESS);
	assert_int_equal(ctx.x[1], 1);
	assert_int_equal(ctx.x[4], 0x5a5a000000000004ULL);	/* untouched */
}

/* smc64=0: SMC64 probe is NOT_SUPPORTED, the SMC32 one answers 1. */
static void test_smc64_off_falls_back_to_smc32(void **state)
{
	struct smc_ctx ctx;

	(void)state;
	set_key(MOCK_KEY_SMC64, 0);
	ctx = mock_ctx(IS_CALL_AVAIL_FAST, SCM_ARGS(1), QUERY(0x06, 0x01), 0);
	smc_handle(&ctx);
	assert_int_equal((int64_t)ctx.x[0], SMC_UNKNOWN);
	ctx = mock_ctx(0x82000601, SCM_ARGS(1), QUERY(0x06, 0x01), 0);
	smc_handle(&ctx);
	assert_int_equal(ctx.x[0], 0);
	assert_int_equal(ctx.x[1], 1);
	/* SMC32 sees only w2: garbage in the upper half must not matter. */
	ctx = mock_ctx(0x02000601, SCM_ARGS(1), 0xffffffff00000000ULL | QUERY(0x02, 0x07), 0);
	smc_handle(&ctx);
	assert_int_equal(ctx.x[1], 1);
}

static void test_availability_truthful(void **state)
{
	static const struct { uint32_t q; int waitq, noinfo, spin; } rows[] = {
		{ QUERY(0x06, 0x01), 1, 1, 1 },
		{ QUERY(0x01, 0x0a), 1, 1, 1 },
		{ QUERY(0x02, 0x07), 1, 1, 1 },
		{ QUERY(0x05, 0x01), 1, 1, 1 },
		{ QUERY(0x05, 0x02), 1, 1, 1 },
		{ QUERY(0x0c, 0x16), 1, 1, 1 },
		{ QUERY(0x11, 0x01), 1, 1, 1 },
		{ QUERY(0x24, 0x02), 1, 1, 0 },
		{ QUERY(0x24, 0x03), 1, 1, 0 },
		{ QUERY(0x24, 0x04), 1, 0, 0 },
		{ QUERY(0x24, 0x01), 0, 0, 0 },
		{ QUERY(0x06, 0x02), 0, 0, 0 },
		{ (4U << 24) | 0x0601, 0, 0, 0 },	/* right number, wrong owner */
	};
	unsigned int i, pass;

	(void)state;
	for (pass = 0; pass < 3; pass++) {
		if (pass == 1)
			set_key(MOCK_KEY_GET_INFO, 0);
		if (pass == 2)
			set_key(MOCK_KEY_MODE, MOCK_MODE_SPIN);
		for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			int want = pass == 0 ? rows[i].waitq : pass == 1 ? rows[i].noinfo : rows[i].spin;
			struct smc_ctx f = mock_ctx(IS_CALL_AVAIL_FAST, SCM_ARGS(1), rows[i].q, 0);
			struct smc_ctx y = mock_ctx(IS_CALL_AVAIL_YIELD, SCM_ARGS(1), rows[i].q, 0);

			smc_handle(&f);
			smc_handle(&y);
			assert_int_equal(f.x[0], 0);
			assert_int_equal(f.x[1], want);
			assert_int_equal(y.x[1], want);
		}
	}
	/* And what is not available really answers the unknown-call answer. */
	assert_int_equal(mock_smc(0xc2002404, SCM_ARGS(0), 0, 0), SMC_UNKNOWN);
}

/* avail_waitq=0: TZ's IS_CALL_AVAIL hides the WAITQ calls, which still work. */
static void test_avail_waitq_quirk(void **state)
{
	struct smc_ctx c;

	(void)state;
	set_key(MOCK_KEY_AVAIL_WAITQ, 0);
	assert_int_equal(mock_call(IS_CALL_AVAIL_FAST, 1, QUERY(0x24, 0x02), 0).x[1], 0);
	assert_int_equal(mock_call(IS_CALL_AVAIL_FAST, 1, QUERY(0x24, 0x03), 0).x[1], 0);
	assert_int_equal(mock_call(IS_CALL_AVAIL_FAST, 1, QUERY(0x24, 0x04), 0).x[1], 0);
	assert_int_equal(mock_call(IS_CALL_AVAIL_FAST, 1, QUERY(0x02, 0x07), 0).x[1], 1);
	c = mock_call(0xc2002404, 0, 0, 0);
	assert_int_equal(c.x[0], 0);
	assert_int_equal(c.x[1], 1);
	mock_hold(0);
	c = mock_call(0x42000207, 1, 4, 0);
	assert_int_equal(c.x[0], SCM_WAITQ_SLEEP);
	mock_release(0);
	assert_int_equal(mock_call(0xc2002403, 0, 0, 0).x[0], 0);
	assert_int_equal(mock_call(0x42002402, 1, c.x[2], 0).x[1], 1);
}

/*
 * smc64=0 with mode=waitq: the wait-queue calls are SMC64 only, so SMC32
 * callers are never sent to sleep (they could not RESUME): busy instead.
 */
static void test_smc64_off_never_sleeps(void **state)
{
	(void)state;
	set_key(MOCK_KEY_SMC64, 0);
	mock_hold(0);
	assert_int_equal(mock_smc(0x02000207, 1, 4, 0), SCM_EBUSY);
	assert_int_equal(mock_counter(MOCK_CNT_SLEEPS), 0);
	assert_int_equal(mock_call(0x82000601, 1, QUERY(0x24, 0x02), 0).x[1], 0);
	assert_int_equal(mock_smc(0x42002402, 1, 0x100, 0), SMC_UNKNOWN);
	mock_release(0);
	assert_int_equal(mock_call(0x02000207, 1, 4, 0).x[1], 1);
}

/* The unknown-call answer: -1 (TF-A's QTI SiP service) by default, or -4. */
static void test_unknown_answer_key(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(0x42000c17, 0, 0, 0), SMC_UNKNOWN);
	set_key(MOCK_KEY_UNKNOWN_ANSWER, MOCK_UNKNOWN_SCM);
	assert_int_equal(mock_smc(0x42000c17, 0, 0, 0), SCM_EOPNOTSUPP);
	/* A call in a form it does not have answers the same. */
	assert_int_equal(mock_smc(0xc2002402, 1, 0, 0), SCM_EOPNOTSUPP);
	set_key(MOCK_KEY_UNKNOWN_ANSWER, MOCK_UNKNOWN_SMCCC);
	assert_int_equal(mock_smc(0xc2002402, 1, 0, 0), SMC_UNKNOWN);
}

static void test_bad_arginfo(void **state)
{
	(void)state;
	assert_int_equal(mock_smc(IS_CALL_AVAIL_FAST, SCM_ARGS(0), QUERY(6, 1), 0), SCM_EINVAL_ARG);
	assert_int_equal(mock_smc(IS_CALL_AVAIL_FAST, SCM_ARGS(2), QUERY(6, 1), 0), SCM_EINVAL_ARG);
	assert_int_equal(mock_smc(IS_CALL_AVAIL_FAST, 11, QUERY(6, 1), 0), SCM_EINVAL_ARG);
	assert_int_equal(mock_counter(MOCK_CNT_BAD_ARGINFO), 3);
}

/* Each call's exact arginfo, type bits included, as TF-A's QTI service checks. */
static void test_exact_arginfo(void **state)
{
	static const struct { uint32_t fid; uint64_t good; } calls[] = {
		{ 0xc2000601, SCM_ARGS(1) }, { 0x4200010a, SCM_ARGS(2) },
		{ 0x42000207, SCM_ARGS(1) }, { 0xc2000501, SCM_ARGS(1) },
		{ 0xc2000502, SCM_ARGS(2) }, { 0x42000c16, 0x1117 },
		{ 0x42001101, SCM_ARGS(10) }, { 0x42002402, SCM_ARGS(1) },
		{ 0xc2002403, SCM_ARGS(0) }, { 0xc2002404, SCM_ARGS(0) },
	};
	unsigned int i, t;

	(void)state;
	assert_int_equal(SCM_ARGINFO_MP_ASSIGN, 0x1117);
	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		uint64_t bad[] = {
			calls[i].good + 1,				/* one more argument */
			calls[i].good | SCM_ARG_AT(0, SCM_ARG_RW),	/* a type bit */
			calls[i].good | (1ULL << 32),			/* SMC64: all of x1 */
		};

		for (t = 0; t < sizeof(bad) / sizeof(bad[0]); t++)
			assert_int_equal(mock_smc(calls[i].fid, bad[t], 0, 0), SCM_EINVAL_ARG);
	}
	assert_int_equal(mock_counter(MOCK_CNT_BAD_ARGINFO), 3 * i);
	assert_int_equal(mock_counter(MOCK_CNT_RESUMES), 0);
	/* GET_WQ_CTX and GET_INFO are fast SMC64 calls only. */
	assert_int_equal(mock_smc(0x42002404, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(0x82002403, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(0x82002404, 0, 0, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(0x02002402, 1, 0, 0), SMC_UNKNOWN);
}

/*
 * A call this scenario does not implement is refused before anything is
 * decoded, and is never counted as the call its number would be: no
 * uninitialised field may decide that (valgrind watches this test).
 */
static void test_unavailable_resume_not_counted(void **state)
{
	(void)state;
	set_key(MOCK_KEY_MODE, MOCK_MODE_BUSY);
	assert_int_equal(mock_smc(0x42002402, 1, 0x100, 0), SMC_UNKNOWN);
	assert_int_equal(mock_smc(0x42002402, 7, 0x100, 0), SMC_UNKNOWN);
	assert_int_equal(mock_counter(MOCK_CNT_RESUMES), 0);
	assert_int_equal(mock_counter(MOCK_CNT_CALLS), 2);
	assert_int_equal(mock_counter(MOCK_CNT_SVC(0x24)), 2);
}

static void test_unknown_calls_not_supported(void **state)
{
	static const uint32_t fids[] = {
		0x42000c17, 0xc2000503, 0x42001102, 0x42002401, 0xc200ffff, 0x42000000,
		0x02000000, 0x8200ffff,
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++)
		/* even with an arginfo that would otherwise be -2 */
		assert_int_equal(mock_smc(fids[i], 15, 0, 0), SMC_UNKNOWN);
}

/* HDCP: ten arguments, 3..9 from the x5 buffer, u64 (SMC64) or u32 (SMC32). */
static void test_hdcp_buffer_smc64_and_smc32(void **state)
{
	uint64_t args[10] = { 0x11, 0x22, 0x33, 0x1000000044ULL, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa };
	uint64_t args32[10];
	struct smc_ctx ctx;
	unsigned int i;

	(void)state;
	for (i = 3; i < 10; i++)
		mock_put_le(BUF + 8 * (i - 3), args[i], 8);
	ctx = call5(0x42001101, 10, args[0], args[1], args[2], BUF);
	assert_int_equal(ctx.x[0], 0);
	assert_int_equal(ctx.x[1], scm_hdcp_hash(args, 10));

	/* One argument different: a different answer. */
	args[9] ^= 1;
	mock_put_le(BUF + 8 * 6, args[9], 8);
	ctx = call5(0x42001101, 10, args[0], args[1], args[2], BUF);
	assert_int_equal(ctx.x[1], scm_hdcp_hash(args, 10));
	args[9] ^= 1;
	assert_int_not_equal(ctx.x[1], scm_hdcp_hash(args, 10));

	for (i = 0; i < 10; i++)
		args32[i] = (uint32_t)(args[i] + i);
	for (i = 3; i < 10; i++)
		mock_put_le(BUF + 4 * (i - 3), args32[i], 4);
	ctx = call5(0x02001101, 10, args32[0], args32[1], args32[2], BUF);
	assert_int_equal(ctx.x[0], 0);
	assert_int_equal(ctx.x[1], scm_hdcp_hash(args32, 10));

	/* Wrong count, and a buffer outside normal RAM or running past it. */
	assert_int_equal(call5(0x42001101, 9, 0, 0, 0, BUF).x[0], (uint64_t)SCM_EINVAL_ARG);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x0e000000).x[0], (uint64_t)SCM_EINVAL_ADDR);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x7ffffff0).x[0], (uint64_t)SCM_EINVAL_ADDR);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0xfffffffffffffff8ULL).x[0],
			 (uint64_t)SCM_EINVAL_ADDR);
}

/*
 * Normal RAM is what the device tree says: with -m 512 a buffer past
 * 0x60000000 is refused (-3; reading it would abort at EL3), with -m 2048
 * one above 0x80000000 is accepted.
 */
static void test_buffer_in_dt_ram(void **state)
{
	(void)state;
	ns_mem_reset();
	ns_mem_add(0x40000000, 0x20000000);		/* -m 512 */
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, BUF).x[0], 0);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x60000000).x[0],
			 (uint64_t)SCM_EINVAL_ADDR);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x5fffffd0).x[0],
			 (uint64_t)SCM_EINVAL_ADDR);		/* 48 of 56 bytes inside */
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x5fffffc8).x[0], 0);
	ns_mem_reset();
	ns_mem_add(0x40000000, 0x80000000);		/* -m 2048 */
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x90000000).x[0], 0);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0xbfffffc8).x[0], 0);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0xc0000000).x[0],
			 (uint64_t)SCM_EINVAL_ADDR);
	/* Two ranges (NUMA): the hole between them is not RAM. */
	ns_mem_add(0x100000000ULL, 0x1000);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x100000000ULL).x[0], 0);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0xf0000000).x[0],
			 (uint64_t)SCM_EINVAL_ADDR);
	assert_int_equal(call5(0x42001101, 10, 0, 0, 0, 0x100000ff0ULL).x[0],
			 (uint64_t)SCM_EINVAL_ADDR);
}

static void test_hdcp_hash_known_value(void **state)
{
	uint64_t zero[10] = { 0 };
	uint64_t seq[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	(void)state;
	/* Pinned (computed independently from MODES.md's formula in Python). */
	assert_int_equal(scm_hdcp_hash(zero, 10), 0x726e594b);
	assert_int_equal(scm_hdcp_hash(seq, 10), 0xc2f66ba7);
}

static void test_remote_state_and_pas(void **state)
{
	struct smc_ctx ctx;
	uint64_t v;

	(void)state;
	ctx = call5(0x4200010a, 2, 7, 3, 0, 0);		/* state 7 for id 3 */
	assert_int_equal(ctx.x[0], 0);
	assert_int_equal(ctx.x[1], 0);			/* Linux returns x1 as the result */
	v = mock_counter(MOCK_CNT_REMOTE_STATE(3));
	assert_int_equal(v, 7);
	assert_int_equal(call5(0x4200010a, 2, 7, 16, 0, 0).x[0], (uint64_t)SCM_EINVAL_ARG);
	assert_int_equal(call5(0x4200010a, 1, 7, 3, 0, 0).x[0], (uint64_t)SCM_EINVAL_ARG);

	assert_int_equal(call5(0x42000207, 1, 4, 0, 0, 0).x[1], 1);
	assert_int_equal(call5(0x42000207, 1, 18, 0, 0, 0).x[1], 1);
	assert_int_equal(call5(0x42000207, 1, 5, 0, 0, 0).x[1], 0);
	assert_int_equal(call5(0x42000207, 1, 0, 0, 0, 0).x[1], 0);
}

static void test_io_register_file(void **state)
{
	unsigned int i;

	(void)state;
	assert_int_equal(call5(0xc2000501, 1, 0x1000, 0, 0, 0).x[1], (uint32_t)~0x1000U);
	assert_int_equal(call5(0xc2000502, 2, 0x1000, 0, 0, 0).x[0], 0);
	assert_int_equal(call5(0xc2000501, 1, 0x1000, 0, 0, 0).x[1], 0);
	assert_int_equal(call5(0xc2000502, 2, 0x1000, 0xdeadbeef, 0, 0).x[0], 0);
	assert_int_equal(call5(0xc2000501, 1, 0x1000, 0, 0, 0).x[1], 0xdeadbeef);
	assert_int_equal(call5(0x82000501, 1, 0x1000, 0, 0, 0).x[1], 0xdeadbeef);
	assert_int_equal(call5(0xc2000501, 1, 0x1002, 0, 0, 0).x[0], (uint64_t)SCM_EINVAL_ADDR);
	/* Full register file: -5 for a new address, old ones still writable. */
	for (i = 1; i < 32; i++)
		assert_int_equal(call5(0xc2000502, 2, 0x2000 + 4 * i, i, 0, 0).x[0], 0);
	assert_int_equal(call5(0xc2000502, 2, 0x9000, 1, 0, 0).x[0], (uint64_t)SCM_ENOMEM);
	assert_int_equal(call5(0xc2000502, 2, 0x1000, 5, 0, 0).x[0], 0);
	assert_int_equal(call5(0xc2000501, 1, 0x2000 + 4 * 31, 0, 0, 0).x[1], 31);
}

/* ---- MP/ASSIGN ------------------------------------------------------- */

#define MEM_PA		(MOCK_NS_BASE + 0x200)
#define SRC_PA		(MOCK_NS_BASE + 0x300)
#define DEST_PA		(MOCK_NS_BASE + 0x400)
#define ASSIGN_ARGINFO	0x1117		/* QCOM_SCM_ARGS(7, RO, VAL, RO, VAL, RO, VAL, VAL) */

/* What qcom_scm_assign_mem() builds: HLOS(3) -> MSS_MSA(15) RW + HLOS(3) RWX. */
static void assign_buffers(void)
{
	mock_put_le(MEM_PA, 0x4f000000, 8);
	mock_put_le(MEM_PA + 8, 0x200000, 8);
	mock_put_le(SRC_PA, 3, 4);
	memset(&mock_ns_ram[DEST_PA - MOCK_NS_BASE], 0, 48);
	mock_put_le(DEST_PA, 15, 4);
	mock_put_le(DEST_PA + 4, 6, 4);
	mock_put_le(DEST_PA + 24, 3, 4);
	mock_put_le(DEST_PA + 28, 7, 4);
}

static int64_t assign_arginfo(uint64_t arginfo, uint64_t mem, uint64_t mem_sz, uint64_t src,
			      uint64_t src_sz, uint64_t dest, uint64_t dest_sz, uint64_t flag,
			      int smc32)
{
	struct smc_ctx ctx;
	unsigned int w = smc32 ? 4 : 8;

	/* arguments 0..2 in x2..x4, 3..6 in the buffer at x5 */
	ctx = mock_ctx(smc32 ? 0x02000c16 : 0x42000c16, arginfo, mem, mem_sz);
	ctx.x[4] = src;
	ctx.x[5] = BUF;
	mock_put_le(BUF, src_sz, w);
	mock_put_le(BUF + w, dest, w);
	mock_put_le(BUF + 2 * w, dest_sz, w);
	mock_put_le(BUF + 3 * w, flag, w);
	smc_handle(&ctx);
	return (int64_t)ctx.x[0];
}

static int64_t assign(uint64_t mem, uint64_t mem_sz, uint64_t src, uint64_t src_sz,
		      uint64_t dest, uint64_t dest_sz, uint64_t flag, int smc32)
{
	return assign_arginfo(ASSIGN_ARGINFO, mem, mem_sz, src, src_sz, dest, dest_sz, flag,
			      smc32);
}

static void test_assign_good(void **state)
{
	(void)state;
	assign_buffers();
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), 0);
	assert_int_equal(mock_counter(MOCK_CNT_ASSIGN_MASK), (1U << 15) | (1U << 3));
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 24, 0, 1), 0);
	assert_int_equal(mock_counter(MOCK_CNT_ASSIGN_MASK), 1U << 15);
}

/* The arginfo this file used to send (0x101017) is not what Linux sends: -2. */
static void test_assign_wrong_arginfo(void **state)
{
	(void)state;
	assign_buffers();
	assert_int_equal(assign_arginfo(0x101017, MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0),
			 SCM_EINVAL_ARG);
	assert_int_equal(assign_arginfo(SCM_ARGS(7), MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0),
			 SCM_EINVAL_ARG);
	assert_int_equal(mock_counter(MOCK_CNT_ASSIGN_MASK), 0);
}

/* rmtfs_mem's ASSIGN parked behind the second VM and resumed: the same answer. */
static void test_assign_parked_and_resumed(void **state)
{
	struct smc_ctx ctx;

	(void)state;
	assign_buffers();
	mock_hold(0);
	ctx = mock_ctx(0x42000c16, ASSIGN_ARGINFO, MEM_PA, 16);
	ctx.x[4] = SRC_PA;
	ctx.x[5] = BUF;
	mock_put_le(BUF, 4, 8);
	mock_put_le(BUF + 8, DEST_PA, 8);
	mock_put_le(BUF + 16, 48, 8);
	mock_put_le(BUF + 24, 0, 8);
	smc_handle(&ctx);
	assert_int_equal(ctx.x[0], SCM_WAITQ_SLEEP);
	mock_release(0);
	assert_int_equal(mock_call(0xc2002403, 0, 0, 0).x[0], 0);
	ctx = mock_call(0x42002402, 1, ctx.x[2], 0);
	assert_int_equal(ctx.x[0], 0);
	assert_int_equal(mock_counter(MOCK_CNT_ASSIGN_MASK), (1U << 15) | (1U << 3));
	assert_int_equal(mock_counter(MOCK_CNT_BUFFER_CHANGED), 0);
}

static void test_assign_malformed(void **state)
{
	(void)state;
	assign_buffers();
	/* sizes */
	assert_int_equal(assign(MEM_PA, 0, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 15, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 16 * 5, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 6, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 0, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 40, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 24 * 9, 0, 0), SCM_EINVAL_ARG);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 2, 0), SCM_EINVAL_ARG);
	/* addresses: outside normal RAM, misaligned */
	assert_int_equal(assign(0x0e000000, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ADDR);
	assert_int_equal(assign(MEM_PA, 16, 0x80000000, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ADDR);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, 0x7ffffff8, 48, 0, 0), SCM_EINVAL_ADDR);
	assert_int_equal(assign(MEM_PA + 4, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ADDR);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA + 2, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ADDR);
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA + 4, 48, 0, 0), SCM_EINVAL_ADDR);
	assert_int_equal(mock_counter(MOCK_CNT_ASSIGN_MASK), 0);
}

static void test_assign_bad_contents(void **state)
{
	(void)state;
	assign_buffers();
	mock_put_le(MEM_PA + 8, 0, 8);			/* empty region */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(MEM_PA, 0x4f000800, 8);		/* not page aligned */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(SRC_PA, 64, 4);			/* vmid too big */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(SRC_PA + 4, 3, 4);			/* duplicate source vmid */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 8, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(DEST_PA + 4, 8, 4);			/* perm bit 3 */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(DEST_PA + 4, 0, 4);			/* no permission */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(DEST_PA + 24, 15, 4);		/* duplicate destination */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	mock_put_le(DEST_PA + 16, 8, 4);		/* ctx_size without ctx */
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), SCM_EINVAL_ARG);
	assign_buffers();
	assert_int_equal(assign(MEM_PA, 16, SRC_PA, 4, DEST_PA, 48, 0, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fid_macros, mock_model_setup),
		cmocka_unit_test_setup(test_probe_selects_smc64, mock_model_setup),
		cmocka_unit_test_setup(test_smc64_off_falls_back_to_smc32, mock_model_setup),
		cmocka_unit_test_setup(test_availability_truthful, mock_model_setup),
		cmocka_unit_test_setup(test_avail_waitq_quirk, mock_model_setup),
		cmocka_unit_test_setup(test_smc64_off_never_sleeps, mock_model_setup),
		cmocka_unit_test_setup(test_unknown_answer_key, mock_model_setup),
		cmocka_unit_test_setup(test_bad_arginfo, mock_model_setup),
		cmocka_unit_test_setup(test_exact_arginfo, mock_model_setup),
		cmocka_unit_test_setup(test_unavailable_resume_not_counted, mock_model_setup),
		cmocka_unit_test_setup(test_buffer_in_dt_ram, mock_model_setup),
		cmocka_unit_test_setup(test_unknown_calls_not_supported, mock_model_setup),
		cmocka_unit_test_setup(test_hdcp_buffer_smc64_and_smc32, mock_model_setup),
		cmocka_unit_test_setup(test_hdcp_hash_known_value, mock_model_setup),
		cmocka_unit_test_setup(test_remote_state_and_pas, mock_model_setup),
		cmocka_unit_test_setup(test_io_register_file, mock_model_setup),
		cmocka_unit_test_setup(test_assign_good, mock_model_setup),
		cmocka_unit_test_setup(test_assign_wrong_arginfo, mock_model_setup),
		cmocka_unit_test_setup(test_assign_parked_and_resumed, mock_model_setup),
		cmocka_unit_test_setup(test_assign_malformed, mock_model_setup),
		cmocka_unit_test_setup(test_assign_bad_contents, mock_model_setup),
	};

	return cmocka_run_group_tests_name("scm", tests, NULL, NULL);
}
