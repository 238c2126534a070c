/* SPDX-License-Identifier: GPL-2.0 */
/* gic.h - GICv3 set-up the non-secure world cannot do for itself. */
#ifndef MONITOR_GIC_H
#define MONITOR_GIC_H

unsigned int gic_init(void);

#endif /* MONITOR_GIC_H */
