// SPDX-License-Identifier: GPL-2.0
/*
 * mock_plat.c - plat.h for the host tests. Calls that change the machine
 * are cmocka expectations, so an unexpected wake or power-off fails the
 * test that caused it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mock_plat.h"
#include "plat.h"

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
