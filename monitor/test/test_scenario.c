// SPDX-License-Identifier: GPL-2.0
/*
 * test_scenario.c - the scenario string, the FDT lookups of
 * /chosen/qemu,scm-mock-scenario and /memory, and the OEM control calls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "scenario.h"
#include "scm.h"

/* ---- scenario string ------------------------------------------------- */

static void test_defaults(void **state)
{
	struct scm_cfg c;

	(void)state;
	scm_cfg_defaults(&c);
	assert_int_equal(c.mode, MOCK_MODE_WAITQ);
	assert_int_equal(c.k, 1);
	assert_int_equal(c.wake_all, 0);
	assert_int_equal(c.period_us, 0);
	assert_int_equal(c.get_info, 1);
	assert_int_equal(c.smc64, 1);
	assert_int_equal(c.faults, 0);
	assert_int_equal(c.trace, 0);
	assert_int_equal(c.wake_intid, 42);
	assert_int_equal(c.wq_model, MOCK_WQ_MODEL_CALL);
	assert_int_equal(c.abandon_us, SCM_ABANDON_US_DEFAULT);
	assert_int_equal(c.avail_waitq, 1);
	assert_int_equal(c.unknown_answer, MOCK_UNKNOWN_SMCCC);
	assert_int_equal(c.mock_ctl, 1);
	assert_int_equal(scm_cfg_parse(&c, "", NULL, 0), 0);
	assert_int_equal(c.k, 1);
}

static void test_parse_example(void **state)
{
	struct scm_cfg c;

	(void)state;
	scm_cfg_defaults(&c);
	assert_int_equal(scm_cfg_parse(&c, "mode=waitq k=4 wake=all hold_us=20000 period_us=50000 "
				       "jitter_us=5000 seed=7 faults=drop-wake,double-wake trace=1", NULL, 0), 0);
	assert_int_equal(c.k, 4);
	assert_int_equal(c.wake_all, 1);
	assert_int_equal(c.hold_us, 20000);
	assert_int_equal(c.period_us, 50000);
	assert_int_equal(c.jitter_us, 5000);
	assert_int_equal(c.seed, 7);
	assert_int_equal(c.faults, MOCK_FAULT_DROP_WAKE | MOCK_FAULT_DOUBLE_WAKE);
	assert_int_equal(c.trace, 1);
}

static void test_parse_every_key(void **state)
{
	struct scm_cfg c;

	(void)state;
	scm_cfg_defaults(&c);
	assert_int_equal(scm_cfg_parse(&c, "  mode=spin\tget_info=off smc64=0 interrupt_random=on "
				       "fault_every=5 wake_intid=0x2f seed=0xdeadbeef wake=one\n", NULL, 0), 0);
	assert_int_equal(c.mode, MOCK_MODE_SPIN);
	assert_int_equal(c.get_info, 0);
	assert_int_equal(c.smc64, 0);
	assert_int_equal(c.irq_random, 1);
	assert_int_equal(c.fault_every, 5);
	assert_int_equal(c.wake_intid, 47);
	assert_int_equal(c.seed, 0xdeadbeef);
	assert_int_equal(scm_cfg_parse(&c, "mode=busy interrupt-random=0", NULL, 0), 0);
	assert_int_equal(c.mode, MOCK_MODE_BUSY);
	assert_int_equal(c.irq_random, 0);
	assert_int_equal(scm_cfg_parse(&c, "faults=drop-wake,double-wake,spurious-wake,wq-unknown,"
				       "wq-badflags,wq-error,resume-busy,resume-sleep,fast-sleep,"
				       "bad-token,sticky-more,interrupt,random", NULL, 0), 0);
	assert_int_equal(c.faults, 0x1fff);
	assert_int_equal(scm_cfg_parse(&c, "faults=none", NULL, 0), 0);
	assert_int_equal(c.faults, 0);
	assert_int_equal(scm_cfg_parse(&c, "faults=0x41", NULL, 0), 0);
	assert_int_equal(c.faults, 0x41);
	assert_int_equal(scm_cfg_parse(&c, "wq_model=resource abandon_us=250000 avail_waitq=0 "
				       "unknown_answer=scm mock_ctl=off", NULL, 0), 0);
	assert_int_equal(c.wq_model, MOCK_WQ_MODEL_RESOURCE);
	assert_int_equal(c.abandon_us, 250000);
	assert_int_equal(c.avail_waitq, 0);
	assert_int_equal(c.unknown_answer, MOCK_UNKNOWN_SCM);
	assert_int_equal(c.mock_ctl, 0);
	assert_int_equal(scm_cfg_parse(&c, "wq_model=call unknown_answer=smccc abandon_us=0", NULL, 0), 0);
	assert_int_equal(c.wq_model, MOCK_WQ_MODEL_CALL);
	assert_int_equal(c.unknown_answer, MOCK_UNKNOWN_SMCCC);
	assert_int_equal(c.abandon_us, 0);
	assert_int_equal(scm_cfg_parse(&c, "wq_model=2 unknown_answer=2 abandon_us=60000001", NULL, 0), 3);
}

/* Bad words are counted, named and skipped; good ones still apply. */
static void test_parse_bad_words(void **state)
{
	struct scm_cfg c;
	char ignored[128];

	(void)state;
	scm_cfg_defaults(&c);
	assert_int_equal(scm_cfg_parse(&c, "k=0 k=17 mode=fast wake=some nokey=1 k k=3 "
				       "faults=drop-wake,bogus seed=12x\twake_intid=31 trace=2",
				       ignored, sizeof(ignored)), 10);
	assert_string_equal(ignored, "k=0 k=17 mode=fast wake=some nokey=1 k "
			    "faults=drop-wake,bogus seed=12x wake_intid=31 trace=2");
	assert_int_equal(c.k, 3);
	assert_int_equal(c.mode, MOCK_MODE_WAITQ);
	assert_int_equal(c.faults, 0);
	assert_int_equal(c.seed, 1);
	assert_int_equal(c.wake_intid, 42);
	assert_int_equal(scm_cfg_parse(&c, "k=2 seed=3", ignored, sizeof(ignored)), 0);
	assert_string_equal(ignored, "");
}

/* The list of ignored words is cut to its room, and always ends. */
static void test_parse_ignored_cut(void **state)
{
	struct scm_cfg c;
	char ignored[8];

	(void)state;
	scm_cfg_defaults(&c);
	memset(ignored, 'x', sizeof(ignored));
	assert_int_equal(scm_cfg_parse(&c, "kk=1 hold=2 k=4", ignored, sizeof(ignored)), 2);
	assert_string_equal(ignored, "kk=1 ho");
	assert_int_equal(c.k, 4);
	assert_int_equal(scm_cfg_parse(&c, "kk=1", ignored, 1), 1);
	assert_string_equal(ignored, "");
}

/* ---- FDT ------------------------------------------------------------- */

struct fdt_builder {
	uint8_t blob[1024];
	uint32_t off;		/* in the struct block */
	char strings[256];
	uint32_t slen;
};

static void fb_u32(struct fdt_builder *b, uint32_t v)
{
	b->blob[b->off++] = (uint8_t)(v >> 24);
	b->blob[b->off++] = (uint8_t)(v >> 16);
	b->blob[b->off++] = (uint8_t)(v >> 8);
	b->blob[b->off++] = (uint8_t)v;
}

static void fb_bytes(struct fdt_builder *b, const void *p, uint32_t n)
{
	memcpy(b->blob + b->off, p, n);
	b->off += n;
	while (b->off & 3)
		b->blob[b->off++] = 0;
}

static void fb_node(struct fdt_builder *b, const char *name)
{
	fb_u32(b, 1);
	fb_bytes(b, name, (uint32_t)strlen(name) + 1);
}

static void fb_prop(struct fdt_builder *b, const char *name, const char *val)
{
	uint32_t nameoff = b->slen;

	memcpy(b->strings + b->slen, name, strlen(name) + 1);
	b->slen += (uint32_t)strlen(name) + 1;
	fb_u32(b, 3);
	fb_u32(b, (uint32_t)strlen(val) + 1);
	fb_u32(b, nameoff);
	fb_bytes(b, val, (uint32_t)strlen(val) + 1);
}

/* Header at 0, struct block from 40, then strings; returns total size. */
static uint32_t fb_finish(struct fdt_builder *b)
{
	uint32_t strings = b->off, total = strings + b->slen, save;

	fb_u32(b, 9);
	strings = b->off;
	memcpy(b->blob + strings, b->strings, b->slen);
	total = strings + b->slen;
	save = b->off;
	b->off = 0;
	fb_u32(b, 0xd00dfeed);
	fb_u32(b, total);
	fb_u32(b, 40);		/* off_dt_struct */
	fb_u32(b, strings);	/* off_dt_strings */
	fb_u32(b, 0);		/* off_mem_rsvmap (unused here) */
	fb_u32(b, 17);
	fb_u32(b, 16);
	fb_u32(b, 0);
	fb_u32(b, b->slen);
	fb_u32(b, save - 40);
	b->off = save;
	return total;
}

static void fb_prop_cells(struct fdt_builder *b, const char *name, const uint32_t *cells,
			  unsigned int n)
{
	uint32_t nameoff = b->slen;
	unsigned int i;

	memcpy(b->strings + b->slen, name, strlen(name) + 1);
	b->slen += (uint32_t)strlen(name) + 1;
	fb_u32(b, 3);
	fb_u32(b, 4 * n);
	fb_u32(b, nameoff);
	for (i = 0; i < n; i++)
		fb_u32(b, cells[i]);
}

static uint32_t build_dtb(struct fdt_builder *b, int with_prop, const char *chosen)
{
	memset(b, 0, sizeof(*b));
	b->off = 40;
	fb_node(b, "");
	fb_prop(b, "model", "linux,dummy-virt");
	fb_node(b, "cpus");
	fb_prop(b, "qemu,scm-mock-scenario", "mode=busy");	/* wrong node */
	fb_u32(b, 2);
	fb_node(b, chosen);
	fb_prop(b, "bootargs", "console=ttyAMA0");
	fb_node(b, "sub");
	fb_prop(b, "qemu,scm-mock-scenario", "mode=spin");	/* too deep */
	fb_u32(b, 2);
	if (with_prop)
		fb_prop(b, "qemu,scm-mock-scenario", "mode=waitq k=4");
	fb_u32(b, 2);
	fb_u32(b, 2);
	return fb_finish(b);
}

static void test_fdt_finds_chosen_prop(void **state)
{
	struct fdt_builder b;
	uint32_t total = build_dtb(&b, 1, "chosen"), len = 0;
	const char *v;

	(void)state;
	v = fdt_chosen_prop(b.blob, sizeof(b.blob), "qemu,scm-mock-scenario", &len);
	assert_non_null(v);
	assert_string_equal(v, "mode=waitq k=4");
	assert_int_equal(len, 15);
	v = fdt_chosen_prop(b.blob, sizeof(b.blob), "bootargs", &len);
	assert_string_equal(v, "console=ttyAMA0");
	/* The blob must fit in what we may read. */
	assert_null(fdt_chosen_prop(b.blob, total - 1, "bootargs", &len));
}

/* QEMU virt's layout: #address-cells = #size-cells = 2, /memory@40000000. */
static uint32_t build_memory_dtb(struct fdt_builder *b, const uint32_t *reg, unsigned int n,
				 const char *node)
{
	static const uint32_t two = 2;

	memset(b, 0, sizeof(*b));
	b->off = 40;
	fb_node(b, "");
	fb_prop_cells(b, "#address-cells", &two, 1);
	fb_prop_cells(b, "#size-cells", &two, 1);
	fb_node(b, "cpus");
	fb_prop_cells(b, "reg", reg, n);		/* not memory */
	fb_u32(b, 2);
	fb_node(b, node);
	fb_prop(b, "device_type", "memory");
	fb_prop_cells(b, "reg", reg, n);
	fb_u32(b, 2);
	fb_node(b, "memoryless");
	fb_prop_cells(b, "reg", reg, n);		/* not a memory node either */
	fb_u32(b, 2);
	fb_u32(b, 2);
	return fb_finish(b);
}

static void test_fdt_memory(void **state)
{
	static const uint32_t m512[] = { 0, 0x40000000, 0, 0x20000000 };
	static const uint32_t m2g_numa[] = { 0, 0x40000000, 0, 0x80000000, 1, 0, 0, 0x1000 };
	struct fdt_builder b;
	struct ns_range r[4];

	(void)state;
	build_memory_dtb(&b, m512, 4, "memory@40000000");
	assert_int_equal(fdt_memory(b.blob, sizeof(b.blob), r, 4), 1);
	assert_int_equal(r[0].base, 0x40000000);
	assert_int_equal(r[0].size, 0x20000000);
	build_memory_dtb(&b, m2g_numa, 8, "memory");
	assert_int_equal(fdt_memory(b.blob, sizeof(b.blob), r, 4), 2);
	assert_int_equal(r[0].size, 0x80000000);
	assert_int_equal(r[1].base, 0x100000000ULL);
	assert_int_equal(fdt_memory(b.blob, sizeof(b.blob), r, 1), 1);	/* room for one */
	build_memory_dtb(&b, m512, 4, "memoryx");
	assert_int_equal(fdt_memory(b.blob, sizeof(b.blob), r, 4), 0);
	build_memory_dtb(&b, m512, 3, "memory@0");			/* a partial entry */
	assert_int_equal(fdt_memory(b.blob, sizeof(b.blob), r, 4), 0);
	b.blob[0] = 0;
	assert_int_equal(fdt_memory(b.blob, sizeof(b.blob), r, 4), 0);
}

static void test_fdt_missing(void **state)
{
	struct fdt_builder b;
	uint32_t len;

	(void)state;
	build_dtb(&b, 0, "chosen");
	assert_null(fdt_chosen_prop(b.blob, sizeof(b.blob), "qemu,scm-mock-scenario", &len));
	build_dtb(&b, 1, "chosenx");
	assert_null(fdt_chosen_prop(b.blob, sizeof(b.blob), "qemu,scm-mock-scenario", &len));
	build_dtb(&b, 1, "chosen");
	b.blob[0] = 0;					/* bad magic */
	assert_null(fdt_chosen_prop(b.blob, sizeof(b.blob), "qemu,scm-mock-scenario", &len));
	build_dtb(&b, 1, "chosen");
	b.blob[40 + 3] = 7;				/* bad token */
	assert_null(fdt_chosen_prop(b.blob, sizeof(b.blob), "qemu,scm-mock-scenario", &len));
	memset(b.blob, 0xff, sizeof(b.blob));
	assert_null(fdt_chosen_prop(b.blob, sizeof(b.blob), "qemu,scm-mock-scenario", &len));
}

/* ---- control calls --------------------------------------------------- */

static struct smc_ctx ctl(uint32_t fn, uint64_t a1, uint64_t a2)
{
	struct smc_ctx c = mock_ctx(MOCK_CTL_FID(fn), a1, a2, 0);

	smc_handle(&c);
	return c;
}

static void test_ctl_set_get(void **state)
{
	(void)state;
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_K, 8).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_K, 0).x[1], 8);
	assert_int_equal((int64_t)ctl(MOCK_CTL_SET, MOCK_KEY_K, 17).x[0], -2);
	assert_int_equal((int64_t)ctl(MOCK_CTL_SET, 0x99, 1).x[0], -2);
	assert_int_equal((int64_t)ctl(MOCK_CTL_GET, 0x99, 0).x[0], -2);
	assert_int_equal((int64_t)ctl(0x55, 0, 0).x[0], -1);
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_MODE, MOCK_MODE_BUSY).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_MODE, 0).x[1], MOCK_MODE_BUSY);
	/* Only fast SMC64 reaches it. */
	assert_int_equal((int64_t)mock_smc(0x83000001, MOCK_KEY_K, 2, 0), SMC_UNKNOWN);
	assert_int_equal((int64_t)mock_smc(0x43000001, MOCK_KEY_K, 2, 0), SMC_UNKNOWN);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_K, 0).x[1], 8);
	/* Every key reads back what was set. */
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_WQ_MODEL, MOCK_WQ_MODEL_RESOURCE).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_WQ_MODEL, 0).x[1], MOCK_WQ_MODEL_RESOURCE);
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_ABANDON_US, 1234).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_ABANDON_US, 0).x[1], 1234);
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_AVAIL_WAITQ, 0).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_AVAIL_WAITQ, 0).x[1], 0);
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_UNKNOWN_ANSWER, MOCK_UNKNOWN_SCM).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_UNKNOWN_ANSWER, 0).x[1], MOCK_UNKNOWN_SCM);
	assert_int_equal((int64_t)ctl(MOCK_CTL_SET, MOCK_KEY_WQ_MODEL, 2).x[0], -2);
}

/* mock_ctl=0: the control calls answer like real firmware, -1, from then on. */
static void test_ctl_off(void **state)
{
	(void)state;
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_MOCK_CTL, 0).x[0], 0);
	assert_int_equal((int64_t)ctl(MOCK_CTL_GET, MOCK_KEY_K, 0).x[0], SMC_UNKNOWN);
	assert_int_equal((int64_t)ctl(MOCK_CTL_SET, MOCK_KEY_MOCK_CTL, 1).x[0], SMC_UNKNOWN);
	assert_int_equal((int64_t)ctl(MOCK_CTL_HOLD, 0, 0).x[0], SMC_UNKNOWN);
	assert_int_equal(ctl(MOCK_CTL_GET, MOCK_KEY_K, 0).x[1], 0);
	/* SCM itself is unchanged. */
	assert_int_equal(mock_call(0x42000207, 1, 4, 0).x[1], 1);
}

static void test_ctl_k_refused_while_parked(void **state)
{
	(void)state;
	assert_int_equal(ctl(MOCK_CTL_HOLD, 0, 0).x[0], 0);
	assert_int_equal(mock_smc(0x42000207, 1, 4, 0), SCM_WAITQ_SLEEP);
	assert_int_equal((int64_t)ctl(MOCK_CTL_SET, MOCK_KEY_K, 2).x[0], -12);
	assert_int_equal((int64_t)ctl(MOCK_CTL_HOLD, 1, 0).x[0], -2);	/* only K = 1 */
	assert_int_equal((int64_t)ctl(MOCK_CTL_SET, MOCK_KEY_WQ_MODEL, 1).x[0], -12);
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_WQ_MODEL, 0).x[0], 0);	/* no change */
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_PARKED, 0).x[1], 1);
}

static void test_ctl_counters(void **state)
{
	(void)state;
	mock_smc(0x42000207, 1, 4, 0);
	mock_smc(0xc2000501, 1, 0, 0);
	mock_smc(0xc2000501, 1, 0, 0);
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_CALLS, 0).x[1], 3);
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_SVC(5), 0).x[1], 2);
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_SVC(2), 0).x[1], 1);
	assert_int_equal((int64_t)ctl(MOCK_CTL_GET_COUNTER, 0, 0).x[0], -2);
	assert_int_equal((int64_t)ctl(MOCK_CTL_GET_COUNTER, 0x50, 0).x[0], -2);
	assert_int_equal((int64_t)ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_LAST + 1, 0).x[0], -2);
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_LAST, 0).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_RESET_COUNTERS, 0, 0).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_CALLS, 0).x[1], 0);
	assert_int_equal(ctl(MOCK_CTL_GET_COUNTER, MOCK_CNT_SVC(5), 0).x[1], 0);
}

/* Setting the period arms the timer through plat.h. */
static void test_ctl_period_arms_timer(void **state)
{
	(void)state;
	mock_timer_deadline = 0;
	mock_now_us = 100;
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_HOLD_US, 500).x[0], 0);
	assert_int_equal(ctl(MOCK_CTL_SET, MOCK_KEY_PERIOD_US, 5000).x[0], 0);
	assert_int_equal(mock_timer_deadline, 600);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 1);
	assert_int_equal(ctl(MOCK_CTL_RELEASE_ALL, 0, 0).x[0], 0);
	assert_int_equal(mock_timer_deadline, 0);
	assert_int_equal(mock_counter(MOCK_CNT_HELD), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, mock_model_setup),
		cmocka_unit_test_setup(test_parse_example, mock_model_setup),
		cmocka_unit_test_setup(test_parse_every_key, mock_model_setup),
		cmocka_unit_test_setup(test_parse_bad_words, mock_model_setup),
		cmocka_unit_test_setup(test_parse_ignored_cut, mock_model_setup),
		cmocka_unit_test_setup(test_fdt_finds_chosen_prop, mock_model_setup),
		cmocka_unit_test_setup(test_fdt_memory, mock_model_setup),
		cmocka_unit_test_setup(test_fdt_missing, mock_model_setup),
		cmocka_unit_test_setup(test_ctl_set_get, mock_model_setup),
		cmocka_unit_test_setup(test_ctl_off, mock_model_setup),
		cmocka_unit_test_setup(test_ctl_k_refused_while_parked, mock_model_setup),
		cmocka_unit_test_setup(test_ctl_counters, mock_model_setup),
		cmocka_unit_test_setup(test_ctl_period_arms_timer, mock_model_setup),
	};

	return cmocka_run_group_tests_name("scenario", tests, NULL, NULL);
}
