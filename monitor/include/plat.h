/* SPDX-License-Identifier: GPL-2.0 */
/*
 * plat.h - the little the decision logic (smc.c, psci.c, scm.c) needs from
 * the machine. plat.c implements it on QEMU virt; test/mock_plat.c
 * implements it on the host for the unit tests. Nothing else in those three
 * files touches hardware.
 */
#ifndef MONITOR_PLAT_H
#define MONITOR_PLAT_H

#include <stddef.h>
#include <stdint.h>

/* Linear index (plat_core_pos()) of the CPU making the call. */
unsigned int plat_my_cpu_index(void);

/* A mailbox for CPU @idx was published: make sure it leaves its WFE. */
void plat_cpu_wake(unsigned int idx);

/*
 * Send the calling CPU back to the wait loop with an empty stack. Never
 * returns on the target; the host mock returns so the caller can be tested.
 */
void plat_cpu_park(void);

/* End the machine: exit status MON_EXIT_POWEROFF / MON_EXIT_RESET. */
void plat_system_off(void);
void plat_system_reset(void);

/*
 * Copy @len bytes of normal-world RAM at physical @pa into @dst. The caller
 * has checked that the range lies in normal RAM; on hardware this is a
 * plain load (MMU off), the host mock reads a test buffer.
 */
void plat_ns_read(uint64_t pa, void *dst, size_t len);

/* Make the SCM wake interrupt @intid (an SPI) pending for the normal world. */
void plat_raise_wake(unsigned int intid);

/* Monotonic time in microseconds (the generic counter). */
uint64_t plat_now_us(void);

/*
 * The architected counter (CNTPCT_EL0), in its own ticks, for exact
 * intervals; plat_ticks_to_ns() converts an interval (CNTFRQ_EL0).
 */
uint64_t plat_ticks(void);
uint64_t plat_ticks_to_ns(uint64_t ticks);

/* One iteration of a busy wait at EL3 (interrupts masked). */
void plat_spin_relax(void);

/*
 * Fire the contender tick (contender_tick()) at @deadline_us, or never when
 * 0. On hardware: the secure physical timer of the CPU that owns it, or of
 * the calling CPU when none does.
 */
void plat_timer_set(uint64_t deadline_us);

/* One-line trace on the secure UART. */
void plat_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* MONITOR_PLAT_H */
