/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch.h - AArch64 EL3 helpers for the firmware build (never the host
 * tests): system registers, barriers, MMIO, and the assembly entry points
 * in arch/.
 */
#ifndef MONITOR_ARCH_H
#define MONITOR_ARCH_H

#include <stdint.h>

#define __noreturn	__attribute__((noreturn))

#define read_sysreg(reg) ({						\
	uint64_t __val;							\
	__asm__ volatile("mrs %0, " #reg : "=r"(__val));		\
	__val;								\
})

#define write_sysreg(val, reg)						\
	__asm__ volatile("msr " #reg ", %0" : : "r"((uint64_t)(val)))

static inline void isb(void)	{ __asm__ volatile("isb" : : : "memory"); }
static inline void dsb_sy(void)	{ __asm__ volatile("dsb sy" : : : "memory"); }
static inline void sev(void)	{ __asm__ volatile("sev" : : : "memory"); }
static inline void wfe(void)	{ __asm__ volatile("wfe" : : : "memory"); }
static inline void wfi(void)	{ __asm__ volatile("wfi" : : : "memory"); }

/* MMU is off at EL3: every access below is Device-nGnRnE, so keep them aligned. */
static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	*(volatile uint32_t *)addr = val;
}

static inline uint64_t mmio_read64(uintptr_t addr)
{
	return *(volatile uint64_t *)addr;
}

/* arch/entry.S */
void __noreturn el3_enter_el1(uint64_t entry, uint64_t x0, unsigned int idx);
void __noreturn el3_park_cpu(unsigned int idx);
void __noreturn cpu_dead(void);

/* arch/cpu.c */
void cpu_el3_init(unsigned int idx);
void __noreturn cpu_park(unsigned int idx);

/* arch/fault.c, called from arch/vectors.S */
void __noreturn el3_unexpected(unsigned int vector);

/* main.c, called from arch/entry.S */
void __noreturn boot_main(unsigned int idx);
void __noreturn secondary_main(unsigned int idx);

#endif /* MONITOR_ARCH_H */
