/* SPDX-License-Identifier: GPL-2.0 */
/*
 * plat.h - the little the decision logic (smc.c, psci.c, scm.c) needs from
 * the machine. plat.c implements it on QEMU virt; test/mock_plat.c
 * implements it on the host for the unit tests. Nothing else in those three
 * files touches hardware.
 */
#ifndef MONITOR_PLAT_H
#define MONITOR_PLAT_H

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

/* One-line trace on the secure UART. */
void plat_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* MONITOR_PLAT_H */
