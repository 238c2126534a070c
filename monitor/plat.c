// SPDX-License-Identifier: GPL-2.0
/*
 * plat.c - plat.h on QEMU virt: what psci.c and friends may ask of the
 * hardware.
 */
#include <stdarg.h>
#include "arch.h"
#include "console.h"
#include "exit_codes.h"
#include "plat.h"
#include "platform.h"
#include "semihost.h"
#include "timer.h"

unsigned int plat_my_cpu_index(void)
{
	/* Only CPUs with a valid index ever get past arch/entry.S. */
	return (unsigned int)plat_core_pos(read_sysreg(mpidr_el1));
}

void plat_cpu_wake(unsigned int idx)
{
	(void)idx;
	/* The mailbox store must be visible before the target wakes to read it. */
	dsb_sy();
	sev();
}

void plat_cpu_park(void)
{
	timer_cpu_off();
	el3_park_cpu(plat_my_cpu_index());
}

/* MMU off: normal RAM reads as Device memory, so bytes (never unaligned). */
void plat_ns_read(uint64_t pa, void *dst, size_t len)
{
	const volatile uint8_t *src = (const volatile uint8_t *)(uintptr_t)pa;
	uint8_t *d = dst;

	while (len--)
		*d++ = *src++;
}

#define GICD_ISPENDR(n)		(0x0200 + 4 * (n))

/* A secure write to GICD_ISPENDR; GICD_SETSPI_NSR does nothing on QEMU. */
void plat_raise_wake(unsigned int intid)
{
	dsb_sy();	/* the state GET_WQ_CTX reads is visible first */
	mmio_write32(PLAT_GICD_BASE + GICD_ISPENDR(intid / 32), 1U << (intid % 32));
}

void plat_spin_relax(void)
{
	__asm__ volatile("yield" : : : "memory");
}

static void __noreturn plat_exit(uint32_t status)
{
	semihost_exit(status);
	console_printf("monitor: semihosting is off, cannot exit QEMU; halting\n");
	cpu_dead();
}

void plat_system_off(void)
{
	plat_exit(MON_EXIT_POWEROFF);
}

void plat_system_reset(void)
{
	plat_exit(MON_EXIT_RESET);
}

void plat_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	console_vprintf(fmt, ap);
	va_end(ap);
}
