// SPDX-License-Identifier: GPL-2.0
/*
 * semihost.c - Arm semihosting SYS_EXIT. QEMU must run with
 * -semihosting-config enable=on,target=native.
 */
#include <stdint.h>
#include "semihost.h"

#define SEMIHOST_SYS_EXIT		0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

void semihost_exit(uint32_t status)
{
	/* AArch64: x1 points at {reason, exit status}. */
	volatile uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, status };
	register uint64_t x0 __asm__("x0") = SEMIHOST_SYS_EXIT;
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}
