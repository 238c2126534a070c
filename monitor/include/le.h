/* SPDX-License-Identifier: GPL-2.0 */
/* le.h - the one little-endian reader: normal-world buffers are LE. */
#ifndef MONITOR_LE_H
#define MONITOR_LE_H

#include <stdint.h>

/* The @n-byte (1..8) little-endian value at @p; byte loads only. */
static inline uint64_t le_get(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

#endif /* MONITOR_LE_H */
