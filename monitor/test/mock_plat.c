// SPDX-License-Identifier: GPL-2.0
/*
 * mock_plat.c - plat.h for the host tests. Calls that change the machine
 * are cmocka expectations, so an unexpected wake or power-off fails the
 * test that caused it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "nsmem.h"
#include "plat.h"
#include "scenario.h"

unsigned int mock_cpu_index;

unsigned int plat_my_cpu_index(void)
{
	return mock_cpu_index;
}

void plat_cpu_wake(unsigned int idx)
{
	check_expected(idx);
}

void plat_cpu_park(void)
{
	function_called();
}

void plat_system_off(void)
{
	function_called();
}

void plat_system_reset(void)
{
	function_called();
}

void plat_log(const char *fmt, ...)
{
	(void)fmt;
}

/* Normal-world RAM as the tests lay it out: MOCK_NS_BASE..+MOCK_NS_SIZE. */
uint8_t mock_ns_ram[MOCK_NS_SIZE];
uint64_t mock_now_us;
uint64_t mock_spin_step_us = 1000;
uint64_t mock_timer_deadline;
unsigned int mock_wakes_raised;
unsigned int mock_wake_intid;

void plat_ns_read(uint64_t pa, void *dst, size_t len)
{
	/* The model must have checked the range against normal RAM already. */
	assert_true(ns_mem_ok(pa, len));
	if (pa >= MOCK_NS_BASE && pa + len <= MOCK_NS_BASE + MOCK_NS_SIZE)
		memcpy(dst, mock_ns_ram + (pa - MOCK_NS_BASE), len);
	else
		memset(dst, 0, len);
}

void plat_raise_wake(unsigned int intid)
{
	mock_wakes_raised++;
	mock_wake_intid = intid;
}

uint64_t mock_clock_step_us;

/* The clock, moving on by mock_clock_step_us at every read if asked to. */
uint64_t plat_now_us(void)
{
	uint64_t now = mock_now_us;

	mock_now_us += mock_clock_step_us;
	return now;
}

/* A 1 GHz counter on the same clock; reading it moves nothing on. */
uint64_t plat_ticks(void)
{
	return mock_now_us * 1000;
}

uint64_t plat_ticks_to_ns(uint64_t ticks)
{
	return ticks;
}

/* A spinning CPU sees time pass. */
void plat_spin_relax(void)
{
	mock_now_us += mock_spin_step_us;
}

void plat_timer_set(uint64_t deadline_us)
{
	mock_timer_deadline = deadline_us;
}

/*
 * The cmocka setup every model test uses: a freshly initialised model with
 * the default scenario, 1 GiB of normal RAM at 0x40000000 (zeroed where
 * the tests can see it), a clock at 0, CPU 0 calling.
 */
int mock_model_setup(void **state)
{
	struct scm_cfg cfg;

	(void)state;
	mock_now_us = 0;
	mock_wakes_raised = 0;
	mock_wake_intid = 0;
	mock_timer_deadline = 0;
	mock_spin_step_us = 1000;
	mock_clock_step_us = 0;
	mock_cpu_index = 0;
	memset(mock_ns_ram, 0, sizeof(mock_ns_ram));
	ns_mem_reset();
	ns_mem_add(MOCK_RAM_BASE, MOCK_RAM_SIZE);
	scm_cfg_defaults(&cfg);
	scm_model_init(&cfg);
	return 0;
}
