/* SPDX-License-Identifier: GPL-2.0 */
/*
 * timer.h - the secure physical timer that drives the model's clock
 * (timer.c, hardware only).
 */
#ifndef MONITOR_TIMER_H
#define MONITOR_TIMER_H

/*
 * PSCI CPU_OFF of the calling CPU: its timer stops, and if it owned the
 * model's clock the clock is handed to a CPU that is still ON.
 */
void timer_cpu_off(void);

/* An FIQ taken from the lower EL (arch/vectors.S). */
void el3_fiq(void);

#endif /* MONITOR_TIMER_H */
