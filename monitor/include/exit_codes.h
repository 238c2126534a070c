/* SPDX-License-Identifier: GPL-2.0 */
/*
 * exit_codes.h - how the monitor ends QEMU (semihosting SYS_EXIT status).
 *
 * The host runner maps these back to a verdict; change them only together
 * with it.
 */
#ifndef MONITOR_EXIT_CODES_H
#define MONITOR_EXIT_CODES_H

#define MON_EXIT_POWEROFF	0	/* PSCI SYSTEM_OFF: guest init says "tests passed" */
#define MON_EXIT_RESET		1	/* PSCI SYSTEM_RESET: "tests failed", or panic=-1 */
#define MON_EXIT_FAULT		3	/* unexpected exception taken at EL3 */

#endif /* MONITOR_EXIT_CODES_H */
