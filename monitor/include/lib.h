/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lib.h - the two functions a freestanding build may call on its own
 * (lib.c): the compiler emits them for struct copies and clears.
 */
#ifndef MONITOR_LIB_H
#define MONITOR_LIB_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

#endif /* MONITOR_LIB_H */
