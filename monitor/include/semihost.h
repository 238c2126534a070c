/* SPDX-License-Identifier: GPL-2.0 */
/* semihost.h - Arm semihosting, only what it takes to end QEMU. */
#ifndef MONITOR_SEMIHOST_H
#define MONITOR_SEMIHOST_H

#include <stdint.h>

/* Returns only if the host ignored the call (semihosting not enabled). */
void semihost_exit(uint32_t status);

#endif /* MONITOR_SEMIHOST_H */
