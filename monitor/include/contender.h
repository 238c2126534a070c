/* SPDX-License-Identifier: GPL-2.0 */
/*
 * contender.h - the simulated second VM's schedule (contender.c): when it
 * makes a call that needs which resource. What happens to that call is the
 * wait-queue model's (waitq_vm2_call()).
 */
#ifndef MONITOR_CONTENDER_H
#define MONITOR_CONTENDER_H

#include <stdint.h>

void contender_reset(void);
/* period, hold or K changed: every resource's schedule starts over at @now_us. */
void contender_restart(uint64_t now_us);
/*
 * contend=each: a normal-world call has just run on resource @r, which is
 * free; the second VM takes it now. Return: 1 if it did (a hold to time).
 */
int contender_ran(uint32_t r);
/* Make the calls due by @now_us; return when the next is due, 0 never. */
uint64_t contender_tick(uint64_t now_us);

#endif /* MONITOR_CONTENDER_H */
